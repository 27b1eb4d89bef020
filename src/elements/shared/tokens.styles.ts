import { css } from 'lit';

/**
 * The theme of every `kb-*` element: public `--kb-*` custom properties (documented in
 * docs/theming.md), light/dark/auto, forced colors, and a small reset.
 *
 * Use in an element: `static styles = [tokens, baseStyles, stateStyles, styles]`, and in the
 * element's own CSS only the private variables below (never hard-coded colours):
 *
 * | variable          | public property (fallback chain)                                |
 * |-------------------|-----------------------------------------------------------------|
 * | `--_accent`       | `--kb-accent`                                                   |
 * | `--_on-accent`    | `--kb-accent-contrast` (text on an accent background)           |
 * | `--_surface`      | `--kb-surface` (background of the element)                      |
 * | `--_raised`       | `--kb-surface-raised` → surface (popups, cards)                 |
 * | `--_text`         | `--kb-text`                                                     |
 * | `--_muted`        | `--kb-text-muted` → mix of text and surface                     |
 * | `--_border`       | `--kb-border-color` → mix of text and surface                   |
 * | `--_control`      | `--kb-control-border-color` → 3:1 mix (borders of text fields)  |
 * | `--_hover`        | `--kb-hover-background` → tint of accent (hover, active option) |
 * | `--_link`         | `--kb-link-color` → accent                                      |
 * | `--_focus`        | `--kb-focus-color` → accent (focus ring)                        |
 * | `--_mark-bg`      | `--kb-mark-background` → tint of accent (search highlights)     |
 * | `--_mark-text`    | `--kb-mark-color` → text                                        |
 * | `--_radius`       | `--kb-radius`                                                   |
 * | `--_space`        | `--kb-spacing` (base unit; use `calc(var(--_space) * n)`)       |
 * | `--_shadow`       | `--kb-shadow` (popups)                                          |
 *
 * Themes: the `theme` attribute (`light` | `dark` | `auto`) on any `kb-*` element sets the
 * theme defaults (`--_t-*`), which inherit into nested `kb-*` elements that have no `theme`
 * of their own. The `--kb-*` properties a host sets always win over the theme defaults.
 * The host's font is inherited (`--kb-font` overrides it).
 */
const lightTheme = css`
  --_t-accent: #1a5fc8;
  --_t-on-accent: #ffffff;
  --_t-surface: #ffffff;
  --_t-text: #1b2330;
  --_t-mark: #fff1a8;
  --_t-scheme: light;
`;

const darkTheme = css`
  --_t-accent: #8ab8ff;
  --_t-on-accent: #0b1526;
  --_t-surface: #161b22;
  --_t-text: #e6edf3;
  --_t-mark: #5b4a00;
  --_t-scheme: dark;
`;

export const tokens = css`
  :host {
    --_accent: var(--kb-accent, var(--_t-accent, #1a5fc8));
    --_on-accent: var(--kb-accent-contrast, var(--_t-on-accent, #ffffff));
    --_surface: var(--kb-surface, var(--_t-surface, #ffffff));
    --_raised: var(--kb-surface-raised, var(--_surface));
    --_text: var(--kb-text, var(--_t-text, #1b2330));
    --_muted: var(--kb-text-muted, color-mix(in srgb, var(--_text) 72%, var(--_surface)));
    --_border: var(--kb-border-color, color-mix(in srgb, var(--_text) 22%, var(--_surface)));
    /* Text fields are found by their border alone: 3:1 against the surface (WCAG 1.4.11). */
    --_control: var(--kb-control-border-color, color-mix(in srgb, var(--_text) 58%, var(--_surface)));
    --_hover: var(--kb-hover-background, color-mix(in srgb, var(--_accent) 11%, var(--_surface)));
    --_link: var(--kb-link-color, var(--_accent));
    --_focus: var(--kb-focus-color, var(--_accent));
    --_mark-bg: var(--kb-mark-background, var(--_t-mark, #fff1a8));
    --_mark-text: var(--kb-mark-color, var(--_text));
    --_radius: var(--kb-radius, 6px);
    --_space: var(--kb-spacing, 0.5rem);
    --_shadow: var(--kb-shadow, 0 6px 24px rgb(0 0 0 / 0.16), 0 1px 3px rgb(0 0 0 / 0.12));

    color-scheme: var(--_t-scheme, light);
    font-family: var(--kb-font, inherit);
    color: var(--_text);
  }

  :host([theme='light']) {
    ${lightTheme}
  }

  :host([theme='dark']) {
    ${darkTheme}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTheme}
    }
  }

  @media (prefers-color-scheme: light) {
    :host([theme='auto']) {
      ${lightTheme}
    }
  }

  @media (forced-colors: active) {
    :host {
      --_accent: LinkText;
      --_on-accent: Canvas;
      --_surface: Canvas;
      --_raised: Canvas;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_border: CanvasText;
      --_control: CanvasText;
      --_hover: Canvas;
      --_link: LinkText;
      --_focus: Highlight;
      --_mark-bg: Mark;
      --_mark-text: MarkText;
      --_shadow: none;
    }
  }
`;

/**
 * Resets and shared bits every element wants: box sizing, form controls that inherit the
 * font, a visible focus ring, `<mark>` highlights, links, `.visually-hidden`.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    background: var(--_surface);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  /* The box every element renders into: it carries the interface's lang and dir, no layout. */
  .kb-ui {
    display: contents;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_link);
  }
  mark {
    background: var(--_mark-bg);
    color: var(--_mark-text);
    border-radius: 2px;
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    color: var(--_text);
  }
  .button:hover:not(:disabled) {
    background: var(--_hover);
  }
  .button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .button--primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button--primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  @media (forced-colors: active) {
    .button--primary {
      border-color: ButtonText;
    }
  }
`;
