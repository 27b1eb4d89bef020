import { css } from 'lit';

export const panelStyles = css`
  :host {
    position: fixed;
    inset-block: 0;
    inset-inline-end: 0;
    inline-size: min(var(--kb-launcher-panel-width, 440px), 100vw);
    border-inline-start: 1px solid var(--_border);
    box-shadow: -8px 0 32px rgb(0 0 0 / 0.18);
    animation: kb-slide-in 0.18s ease-out;
  }
  :host([position$='left']) {
    inset-inline: 0 auto;
    border-inline-start: 0;
    border-inline-end: 1px solid var(--_border);
    box-shadow: 8px 0 32px rgb(0 0 0 / 0.18);
    animation-name: kb-slide-in-start;
  }
  @keyframes kb-slide-in {
    from {
      transform: translateX(24px);
      opacity: 0;
    }
  }
  @keyframes kb-slide-in-start {
    from {
      transform: translateX(-24px);
      opacity: 0;
    }
  }
  .dialog {
    display: flex;
    flex-direction: column;
    block-size: 100%;
    outline: none;
  }
  .head {
    display: flex;
    align-items: center;
    gap: var(--_space);
    flex: none;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.25) calc(var(--_space) * 1.25) calc(var(--_space) * 2.5);
    border-block-end: 1px solid var(--_border);
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.0625rem;
    font-weight: 650;
  }
  .close {
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
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
    :host,
    :host([position$='left']) {
      inset: 0;
      inline-size: auto;
      border: 0;
      box-shadow: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    :host {
      border-inline-start: 1px solid CanvasText;
    }
  }
`;
