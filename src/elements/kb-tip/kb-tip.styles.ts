import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    background: none;
    line-height: 1;
  }
  .trigger {
    display: inline-grid;
    place-items: center;
    inline-size: var(--kb-tip-size, 1.25rem);
    block-size: var(--kb-tip-size, 1.25rem);
    padding: 0;
    border: 1.5px solid currentColor;
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_accent);
    font-size: calc(var(--kb-tip-size, 1.25rem) * 0.62);
    font-weight: 700;
    line-height: 1;
  }
  .trigger:hover,
  :host([open]) .trigger {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  /* An invisible 24px target around the small button (WCAG 2.5.8). */
  .trigger {
    position: relative;
  }
  .trigger::after {
    content: '';
    position: absolute;
    inset: -4px;
  }
  .popover {
    position: fixed;
    inset: auto;
    z-index: 2147483001;
    box-sizing: border-box;
    inline-size: min(var(--kb-tip-width, 22rem), calc(100vw - 16px));
    max-block-size: min(28rem, calc(100vh - 16px));
    flex-direction: column;
    overflow: hidden;
    margin: 0;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_raised);
    color: var(--_text);
    box-shadow: var(--_shadow);
    line-height: 1.5;
    text-align: start;
    font-size: 0.9375rem;
  }
  .popover:popover-open {
    display: flex;
  }
  .popover:not(:popover-open) {
    display: none;
  }
  .popover > * {
    flex: none;
  }
  /* A long section scrolls inside; title and "Learn more" stay in view. */
  .popover > .text {
    flex: 0 1 auto;
    min-block-size: 0;
    overflow: auto;
  }
  .title {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-weight: 650;
    font-size: 1rem;
  }
  .section {
    margin: 0 0 calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.875rem;
  }
  .text {
    margin: 0 0 calc(var(--_space) * 1.5);
    color: var(--_muted);
  }
  .section-body > :first-child {
    margin-block-start: 0;
  }
  .section-body p,
  .section-body ul,
  .section-body ol {
    margin-block: 0 calc(var(--_space) * 0.75);
  }
  .section-body ul,
  .section-body ol {
    padding-inline-start: 1.25em;
  }
  .section-body table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.8125rem;
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .section-body th,
  .section-body td {
    padding: 0.3em 0.4em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .section-body pre {
    overflow-x: auto;
    font-size: 0.8125rem;
  }
  .section-body img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .read-more {
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font-weight: 600;
    text-decoration: none;
  }
  .read-more::after {
    content: '→';
  }
  .read-more:dir(rtl)::after {
    content: '←';
  }
  .read-more:hover {
    text-decoration: underline;
  }
  .kb-state {
    padding: 0;
  }
  @media (forced-colors: active) {
    .popover {
      border-color: CanvasText;
    }
    /* Forced colors paint a Canvas backplate behind text, which would swallow a Canvas "?":
       the open button keeps its own system colours instead. */
    :host([open]) .trigger {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
  }
`;
