import { css } from 'lit';

export const styles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--kb-categories-min-width, 16rem)), 1fr));
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .card__head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: var(--_space);
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }
  .card__head .link {
    flex: 1;
  }
  .category-icon {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: var(--_radius);
    background: var(--_hover);
    color: var(--_accent);
    align-self: center;
  }
  /* No built-in drawing: hidden until the host styles ::part(icon-<name>). */
  .category-icon:empty {
    display: none;
  }
  .category-icon svg {
    inline-size: 1.35rem;
    block-size: 1.35rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    text-align: start;
    text-decoration: none;
  }
  .link:hover {
    text-decoration: underline;
  }
  .card__title {
    font-size: 1.1em;
    font-weight: 600;
  }
  .count {
    font-size: 0.85em;
    white-space: nowrap;
  }
  .description {
    margin: 0;
  }
  .nested {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2);
    list-style: none;
    border-inline-start: 2px solid var(--_border);
  }
  .nested .nested {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .current {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: calc(var(--_space) * 1.5);
  }
  .back {
    align-self: flex-start;
  }
  .arrow:dir(rtl) {
    display: inline-block;
    transform: scaleX(-1);
  }
  .heading {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.25;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .intro > :first-child {
    margin-block-start: 0;
  }
  .intro > :last-child {
    margin-block-end: 0;
  }
  .subcategories {
    padding-block: calc(var(--_space) * 0.25);
  }
`;
