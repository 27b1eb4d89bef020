import { html, nothing, svg, type TemplateResult } from 'lit';

const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

/**
 * Built-in outline icons (24×24, stroked with the text colour) for the category `icon` names
 * authors use most. Each is a list of path data.
 */
const ICONS = new Map<string, string[]>(
  Object.entries({
    mail: ['M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'M3 7l9 6 9-6'],
    globe: [circle(12, 12, 9), 'M3 12h18', 'M12 3c3.5 3.5 3.5 14.5 0 18', 'M12 3c-3.5 3.5-3.5 14.5 0 18'],
    shield: ['M12 3l8 3v6c0 4.5-3.2 7.8-8 9-4.8-1.2-8-4.5-8-9V6z', 'M9 12l2 2 4-4'],
    user: [circle(12, 8, 4), 'M4 21c.8-4 4-6.5 8-6.5s7.2 2.5 8 6.5'],
    code: ['M8 7l-5 5 5 5', 'M16 7l5 5-5 5', 'M14 4l-4 16'],
    'credit-card': ['M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'M3 10h18', 'M7 15h4'],
    history: ['M3.5 12a8.5 8.5 0 1 0 2.5-6', 'M3 4v4h4', 'M12 7.5V12l3 2'],
    archive: ['M4 4h16a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z', 'M5 9v10h14V9', 'M10 13h4'],
    rocket: [
      'M12 2.5c3.6 2.6 5.4 6.6 4.6 11.5H7.4C6.6 9.1 8.4 5.1 12 2.5z',
      circle(12, 9, 1.8),
      'M7.4 14L5 18h3.5',
      'M16.6 14l2.4 4h-3.5',
      'M10.5 17.5l1.5 4 1.5-4',
    ],
    book: ['M4 4.5A1.5 1.5 0 0 1 5.5 3H20v15H5.5A1.5 1.5 0 0 0 4 19.5z', 'M4 19.5A1.5 1.5 0 0 0 5.5 21H20v-3'],
    settings: [circle(12, 12, 3), 'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1'],
    server: ['M4 3h16v7H4z', 'M4 14h16v7H4z', 'M8 6.5h.01M8 17.5h.01'],
    lock: ['M6 11h12v10H6z', 'M8.5 11V7.5a3.5 3.5 0 0 1 7 0V11'],
    help: [circle(12, 12, 9), 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6', 'M12 17h.01'],
  }),
);
const ALIASES = {
  email: 'mail',
  billing: 'credit-card',
  security: 'shield',
  account: 'user',
  api: 'code',
  changelog: 'history',
  domain: 'globe',
};
for (const [alias, name] of Object.entries(ALIASES)) ICONS.set(alias, ICONS.get(name)!);

/** The names of the built-in icons. */
export const CATEGORY_ICON_NAMES = [...ICONS.keys()];

/**
 * The icon for a category's `icon` name: a decorative span with parts `icon` and
 * `icon-<name>` (so a host can restyle or replace any one: `::part(icon-mail)`), holding the
 * built-in drawing when there is one. `nothing` without a name. Unknown names render an
 * empty span for the host to fill through its part.
 */
export function renderCategoryIcon(name: string | undefined): TemplateResult | typeof nothing {
  const key = (name ?? '').toLowerCase().replace(/[^a-z0-9-]/g, '');
  if (!key) return nothing;
  // A Map: a name from content (`constructor`, `__proto__`) finds only a built-in icon.
  const paths = ICONS.get(key);
  return html`<span class="category-icon" part="icon icon-${key}" aria-hidden="true"
    >${paths ? html`<svg viewBox="0 0 24 24" focusable="false">${paths.map((d) => svg`<path d=${d}></path>`)}</svg>` : nothing}</span
  >`;
}
