import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: var(--_space);
    font-size: 0.9em;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  select {
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_control);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    padding-block: calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
  }
  .item:first-child {
    padding-block-start: calc(var(--_space) * 0.5);
  }
  .link {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font-weight: 600;
    font-size: 1.05em;
    text-align: start;
    text-decoration: none;
  }
  .link:hover {
    text-decoration: underline;
  }
  .excerpt {
    margin: calc(var(--_space) * 0.5) 0 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
    margin: calc(var(--_space) * 0.5) 0 0;
    font-size: 0.85em;
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.5);
    margin-block-start: calc(var(--_space) * 2);
  }
  .pages {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .page {
    min-inline-size: 2.5em;
    justify-content: center;
  }
  .page[aria-current='page'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  /* Shown instead of the page numbers when space is short (the live region announces page changes). */
  .page-status {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @container (max-width: 30rem) {
    .pages {
      display: none;
    }
    .page-status {
      position: static;
      inline-size: auto;
      block-size: auto;
      clip-path: none;
      color: var(--_muted);
      font-size: 0.9em;
    }
  }
  .gap {
    align-self: center;
    color: var(--_muted);
  }
  /* ‹ and › need no flipping in right-to-left text: they are bidi-mirrored characters. */
  @media (forced-colors: active) {
    .page[aria-current='page'] {
      outline: 2px solid Highlight;
    }
  }
`;
