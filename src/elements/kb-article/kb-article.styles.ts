import { css } from 'lit';

export const styles = css`
  :host {
    --_scroll-margin: var(--kb-scroll-margin-top, calc(var(--_space) * 2));
    --_code-font: var(--kb-code-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_code-bg: var(--kb-code-background, color-mix(in srgb, var(--_text) 6%, var(--_surface)));
    container-type: inline-size;
    overflow-wrap: break-word;
  }
  article {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  h1 {
    margin: 0;
    font-size: 1.6em;
    line-height: 1.2;
    scroll-margin-block-start: var(--_scroll-margin);
  }
  h1:focus,
  .kb-thanks:focus,
  .body [tabindex='-1']:focus {
    outline: none;
  }
  h1:focus-visible,
  .kb-thanks:focus-visible,
  .body [tabindex='-1']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .breadcrumb ol,
  .toc ol,
  .related ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .breadcrumb ol {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .breadcrumb li + li::before {
    content: '/';
    margin-inline-end: calc(var(--_space) * 0.5);
    color: var(--_muted);
  }
  .breadcrumb a {
    color: inherit;
  }
  .breadcrumb a:hover {
    color: var(--_link);
  }
  .meta {
    margin: calc(var(--_space) * -1) 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .toc {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 3px solid var(--_border);
  }
  .toc h2,
  .related h2 {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 0.95em;
  }
  .toc li {
    padding-block: 0.15em;
  }
  .toc .level-3 {
    padding-inline-start: calc(var(--_space) * 2);
  }
  .toc a[aria-current] {
    font-weight: 600;
    color: var(--_text);
  }
  .toc a,
  .related a {
    text-decoration: none;
  }
  .toc a:hover,
  .related a:hover {
    text-decoration: underline;
  }

  /* Article content */
  .body {
    line-height: 1.6;
  }
  .body > :first-child {
    margin-block-start: 0;
  }
  .body h2,
  .body h3,
  .body h4 {
    margin-block: 1.6em 0.5em;
    line-height: 1.3;
    scroll-margin-block-start: var(--_scroll-margin);
  }
  /* A heading with its "#" link beside it. */
  .kb-heading {
    display: flex;
    align-items: baseline;
    gap: 0.4em;
    margin-block: 1.6em 0.5em;
  }
  .kb-heading > :is(h2, h3, h4) {
    margin: 0;
  }
  .body h2 {
    font-size: 1.3em;
  }
  .body h3 {
    font-size: 1.1em;
  }
  .kb-anchor {
    color: var(--_muted);
    text-decoration: none;
    opacity: 0;
  }
  .kb-heading:hover .kb-anchor,
  .kb-anchor:focus-visible {
    opacity: 1;
  }
  .body img,
  .body video {
    max-inline-size: 100%;
    block-size: auto;
  }
  .body code {
    /* Code reads left to right, apart from the text around it, in any language. */
    direction: ltr;
    unicode-bidi: isolate;
    font-family: var(--_code-font);
    font-size: 0.9em;
    padding: 0.1em 0.3em;
    border-radius: 4px;
    background: var(--_code-bg);
  }
  .kb-code {
    position: relative;
    /* Code reads left to right, also in a right-to-left page. */
    direction: ltr;
    unicode-bidi: isolate;
    text-align: left;
  }
  .body pre {
    margin: 0;
    padding: calc(var(--_space) * 1.5);
    padding-inline-end: 5em;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_code-bg);
    tab-size: 2;
    white-space: pre;
    line-height: 1.45;
  }
  .body pre code {
    padding: 0;
    background: none;
    font-size: 0.875em;
  }
  .kb-copy {
    position: absolute;
    inset-block-start: calc(var(--_space) * 0.5);
    inset-inline-end: calc(var(--_space) * 0.5);
    padding: 0.2em 0.7em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.85em;
  }
  .kb-copy:hover {
    background: var(--_hover);
  }
  .kb-table {
    max-inline-size: 100%;
    overflow-x: auto;
    margin-block: 1em;
  }
  .body table {
    border-collapse: collapse;
    min-inline-size: 100%;
    font-size: 0.95em;
  }
  .body th,
  .body td {
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 1);
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .body th {
    background: var(--_code-bg);
  }
  .body blockquote,
  .body .alert {
    margin-inline: 0;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_border);
    background: color-mix(in srgb, var(--_text) 3%, var(--_surface));
    border-radius: var(--_radius);
  }
  .body .alert {
    margin-block: 1em;
  }
  .body :is(blockquote, .alert) > :first-child {
    margin-block-start: 0;
  }
  .body :is(blockquote, .alert) > :last-child {
    margin-block-end: 0;
  }
  .body .alert-title {
    font-weight: 600;
  }
  .body :is(.alert-note, .alert-tip, .alert-info) {
    border-inline-start-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
  }
  .body :is(.alert-warning, .alert-caution, .alert-important, .alert-danger) {
    border-inline-start-color: var(--kb-warning-color, #b7791f);
    background: color-mix(in srgb, var(--kb-warning-color, #b7791f) 9%, var(--_surface));
  }
  .body li > input[type='checkbox'] {
    margin-inline-end: 0.4em;
  }
  .body details {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .body summary {
    cursor: pointer;
    font-weight: 600;
  }
  .body .tabs {
    margin-block: 1em;
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .body .tab + .tab {
    border-block-start: 1px solid var(--_border);
  }
  .body .tab-label {
    margin-block-end: 0.25em;
    font-weight: 600;
    color: var(--_muted);
  }
  .body .footnotes {
    margin-block-start: 2em;
    border-block-start: 1px solid var(--_border);
    font-size: 0.9em;
    color: var(--_muted);
  }
  .body hr {
    border: 0;
    border-block-start: 1px solid var(--_border);
  }

  /* Feedback and related */
  .feedback {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .feedback p {
    margin: 0;
    font-weight: 600;
  }
  .votes,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .actions {
    margin: 0;
  }
  a.button {
    text-decoration: none;
  }
  form {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
  }
  label {
    font-weight: 600;
  }
  textarea {
    inline-size: 100%;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    resize: vertical;
  }
  .related li {
    padding-block: 0.25em;
  }

  @container (min-width: 52rem) {
    article {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 14rem;
      gap: calc(var(--_space) * 1.5) calc(var(--_space) * 4);
      align-items: start;
    }
    article > * {
      grid-column: 1;
    }
    .toc {
      grid-column: 2;
      grid-row: 1 / span 6;
      position: sticky;
      inset-block-start: var(--_scroll-margin);
    }
  }

  @media print {
    .kb-copy,
    .kb-anchor,
    .feedback,
    .toc {
      display: none;
    }
    .body pre {
      overflow: visible;
      white-space: pre-wrap;
    }
    .kb-table {
      overflow: visible;
    }
  }

  @media (forced-colors: active) {
    .kb-anchor {
      opacity: 1;
    }
    .body pre,
    .kb-copy,
    .feedback {
      border-color: CanvasText;
    }
  }
`;
