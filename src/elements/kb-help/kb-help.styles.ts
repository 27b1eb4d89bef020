import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    min-inline-size: 0;
  }
  .help {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    max-inline-size: var(--kb-help-max-width, 64rem);
    margin-inline: auto;
    padding: calc(var(--_space) * 2);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .nav {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }
  .nav-button {
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .nav-button:hover:not(:disabled) {
    background: var(--_hover);
  }
  .nav-button:disabled {
    cursor: default;
    color: var(--_muted);
    opacity: 0.55;
  }
  .icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .flip .icon:dir(rtl) {
    transform: scaleX(-1);
  }
  .search {
    flex: 1 1 16rem;
    min-inline-size: 0;
  }
  .view {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    min-inline-size: 0;
  }
  h1 {
    margin: 0;
    font-size: 1.6em;
    line-height: 1.2;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .intro p {
    margin: calc(var(--_space) * 0.75) 0 0;
    color: var(--_muted);
  }
  .section h2,
  .view h2 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  .links,
  .hits {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .links li {
    padding-block: 0.3em;
  }
  .links a,
  .hit-title {
    text-decoration: none;
  }
  .links a:hover,
  .hit-title:hover {
    text-decoration: underline;
  }
  .hits {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .hit {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    padding-block-end: calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
  }
  .hit-title {
    font-size: 1.05em;
    font-weight: 600;
  }
  .hit-section,
  .hit-category {
    font-size: 0.9em;
  }
  .hit-section {
    align-self: flex-start;
    text-decoration: none;
  }
  .hit-section::before {
    content: '↳ ' / '';
  }
  .hit-section:hover {
    text-decoration: underline;
  }
  .hit-snippet {
    margin: 0;
  }
  .muted {
    margin: 0;
  }
  /* "Still need help?" */
  .contact {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .view .contact h2 {
    margin: 0;
  }
  .contact p,
  .contact ::slotted(*) {
    margin: 0;
  }
  .contact a.button {
    text-decoration: none;
  }

  @container (max-width: 30rem) {
    .help {
      padding: var(--_space);
      gap: calc(var(--_space) * 1.5);
    }
    .search {
      flex-basis: 100%;
    }
    h1 {
      font-size: 1.35em;
    }
  }

  @media (forced-colors: active) {
    .nav-button {
      border-color: ButtonText;
    }
    .nav-button:disabled {
      color: GrayText;
    }
  }
`;
