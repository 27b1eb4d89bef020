import { css } from 'lit';

/**
 * The panel is a `<dialog>` in the top layer: a full-height side sheet on the side of the
 * launcher's button (`position`: physical right or left, whatever the page's direction), a
 * full-screen sheet on phones whose title bar and close button stay in view while the help
 * center scrolls under them.
 */
export const panelStyles = css`
  :host {
    background: none;
  }
  .dialog {
    position: fixed;
    inset: 0 0 0 auto;
    box-sizing: border-box;
    inline-size: min(var(--kb-launcher-panel-width, 440px), 100vw);
    max-inline-size: 100vw;
    block-size: 100%;
    max-block-size: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border: 0;
    border-left: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: -8px 0 32px rgb(0 0 0 / 0.18);
    outline: none;
    animation: kb-slide-in 0.18s ease-out;
  }
  .dialog:not([open]) {
    display: none;
  }
  .dialog::backdrop {
    background: var(--kb-launcher-backdrop, rgb(0 0 0 / 0.25));
  }
  :host([position$='left']) .dialog {
    inset: 0 auto 0 0;
    border-left: 0;
    border-right: 1px solid var(--_border);
    box-shadow: 8px 0 32px rgb(0 0 0 / 0.18);
    animation-name: kb-slide-in-left;
  }
  @keyframes kb-slide-in {
    from {
      transform: translateX(24px);
      opacity: 0;
    }
  }
  @keyframes kb-slide-in-left {
    from {
      transform: translateX(-24px);
      opacity: 0;
    }
  }
  .head {
    display: flex;
    align-items: center;
    gap: var(--_space);
    flex: none;
    padding-block: calc(var(--_space) * 1.25);
    padding-inline: calc(var(--_space) * 2.5) calc(var(--_space) * 1.25);
    border-block-end: 1px solid var(--_border);
  }
  h2 {
    flex: 1;
    min-inline-size: 0;
    margin: 0;
    font-size: 1.0625rem;
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  .close {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
  }
  .close:hover {
    background: var(--_hover);
  }
  .close svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .body {
    flex: 1;
    min-block-size: 0;
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2.5) calc(var(--_space) * 4);
    overflow: auto;
    overscroll-behavior: contain;
  }
  @media (max-width: 600px) {
    .dialog,
    :host([position$='left']) .dialog {
      inset: 0;
      inline-size: 100%;
      border: 0;
      box-shadow: none;
    }
    .body {
      padding-inline: var(--_space);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .dialog {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .dialog {
      border-left: 1px solid CanvasText;
      border-right: 1px solid CanvasText;
    }
  }
`;
