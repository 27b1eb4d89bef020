import { css } from 'lit';

export const styles = css`
  :host {
    position: relative;
    background: transparent;
    /* Shrinks with its container (a flex item's default minimum is the field's natural width). */
    min-inline-size: 0;
  }
  .base {
    position: relative;
  }
  .field {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding-inline: calc(var(--_space) * 1.25) calc(var(--_space) * 0.5);
    border: 1px solid var(--_control);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .field:focus-within {
    border-color: var(--_focus);
    box-shadow: 0 0 0 1px var(--_focus);
  }
  .icon {
    flex: none;
    inline-size: 1.15em;
    block-size: 1.15em;
    fill: none;
    stroke: var(--_muted);
    stroke-width: 2;
    stroke-linecap: round;
  }
  input {
    flex: 1 1 10rem;
    inline-size: 100%;
    min-inline-size: 0;
    padding-block: calc(var(--_space) * 1.25);
    border: 0;
    background: transparent;
  }
  /* The field around it shows the focus. */
  input:focus,
  input:focus-visible {
    outline: none;
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .clear {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
  }
  .clear:hover {
    background: var(--_hover);
  }
  .clear svg {
    inline-size: 1em;
    block-size: 1em;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .hotkey {
    flex: none;
    margin-inline-end: calc(var(--_space) * 0.5);
    padding: 0.1em 0.45em;
    border: 1px solid var(--_border);
    border-radius: 4px;
    color: var(--_muted);
    font-family: inherit;
    font-size: 0.8em;
    white-space: nowrap;
  }
  .field:focus-within .hotkey {
    visibility: hidden;
  }
  /* No keyboard to press it with on a touch screen. */
  @media (hover: none) and (pointer: coarse) {
    .hotkey {
      display: none;
    }
  }
  .popup {
    position: absolute;
    z-index: var(--kb-popup-z-index, 1000);
    inset-inline: 0;
    inset-block-start: calc(100% + 4px);
    display: flex;
    flex-direction: column;
    max-block-size: var(--kb-search-popup-max-height, 24rem);
    padding-block: calc(var(--_space) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    box-shadow: var(--_shadow);
  }
  .popup[popover] {
    position: fixed;
    inset: auto;
    margin: 0;
    padding-inline: 0;
    overflow: visible;
    color: var(--_text);
    max-block-size: min(var(--kb-search-popup-max-height, 24rem), var(--_popup-room, 24rem));
  }
  .popup[hidden] {
    display: none;
  }
  /* The listbox scrolls (not the popup): assistive tech knows a combobox popup is reached by its field. */
  .listbox {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .option {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: calc(var(--_space) * 1);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    cursor: pointer;
    border-inline-start: 3px solid transparent;
  }
  .option:hover {
    background: var(--_hover);
  }
  .option.is-active {
    background: var(--_hover);
    border-inline-start-color: var(--_accent);
  }
  .option__about {
    display: contents;
  }
  .hit__title {
    font-weight: 600;
  }
  .hit__category {
    font-size: 0.85em;
  }
  .hit__snippet {
    flex-basis: 100%;
    font-size: 0.9em;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .option.section {
    flex-wrap: nowrap;
    padding-block-start: 0;
    padding-inline-start: calc(var(--_space) * 3);
    font-size: 0.9em;
    color: var(--_link);
  }
  .option.hit:has(+ .section) {
    padding-block-end: calc(var(--_space) * 0.25);
  }
  .section__arrow {
    margin-inline-end: 0.4em;
  }
  .section__arrow:dir(rtl) {
    display: inline-block;
    transform: scaleX(-1);
  }
  .empty {
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
  }
  .empty p {
    margin: 0 0 calc(var(--_space) * 0.25);
  }
  .empty__title {
    font-weight: 600;
  }
  .group-heading {
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5) calc(var(--_space) * 0.25);
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .kb-state {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  @media (forced-colors: active) {
    .option.is-active {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .field:focus-within {
      outline: 2px solid Highlight;
    }
  }
`;
