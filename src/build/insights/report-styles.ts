/** The insights report's style sheet: light, dark by `prefers-color-scheme`, print, forced colours. */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --surface: #ffffff; --text: #1d2330; --muted: #5b6474; --border: #dde1e8;
  --accent: #2f5fd0; --accent-soft: #dfe8fb; --warn: #c2410c; --warn-soft: #fde7dc; --good: #15803d; --tag: #eef1f6;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111418; --surface: #1a1f26; --text: #e6e9ef; --muted: #a3acba; --border: #2e3541;
    --accent: #7aa2ff; --accent-soft: #233153; --warn: #fb923c; --warn-soft: #43291b; --good: #4ade80; --tag: #262d38;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; margin: 0; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
.sub, .intro, .muted, .more, .card-note, .legend, .variants { color: var(--muted); }
.sub { margin: .25rem 0 1.5rem; }
.intro { margin: 0 0 .75rem; max-width: 60rem; }
section, footer { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 1.1rem 1.25rem; margin: 0 0 1.1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; background: none; border: 0; padding: 0; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: .8rem 1rem; }
.card p { margin: 0; }
.card-label { font-size: .85rem; color: var(--muted); }
.card-value { font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.card-note { font-size: .8rem; }
figure { margin: 0; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: var(--border); stroke-width: 1; }
.chart .axis { fill: var(--muted); font-size: 11px; }
.chart .bar-0, .key-0 { fill: var(--accent); background: var(--accent); }
.chart .bar-1, .key-1 { fill: var(--warn); background: var(--warn); }
.legend { font-size: .85rem; margin: .25rem 0 .5rem; }
.key { display: inline-block; width: .75rem; height: .75rem; border-radius: 2px; margin: 0 .3rem 0 .9rem; vertical-align: -1px; }
.key-0 { margin-left: 0; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
section { overflow-x: auto; }
th, td { text-align: start; padding: .45rem .5rem; border-bottom: 1px solid var(--border); vertical-align: top; }
thead th { font-size: .8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.num { text-align: end; white-space: nowrap; }
.bars { width: 22%; min-width: 5rem; }
.bars.split-cell { width: 10%; min-width: 4rem; }
.meter, .split { width: 100%; height: .6rem; display: block; margin-top: .45rem; border-radius: 3px; }
.meter .track { fill: var(--accent-soft); }
.meter .fill { fill: var(--accent); }
.split .no { fill: var(--warn); }
.split .yes { fill: var(--good); }
q.query { font-weight: 600; }
.variants { display: block; font-size: .85rem; }
.variants q { font-weight: 400; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--tag); padding: .05rem .3rem; border-radius: 4px; overflow-wrap: anywhere; }
code.id { color: var(--muted); }
td, li { overflow-wrap: break-word; }
details summary { cursor: pointer; color: var(--accent); margin: .25rem 0; }
.reasons { margin: .25rem 0 0; padding-inline-start: 1.1rem; }
.reasons li { margin: .15rem 0; }
.suggestions { list-style: none; margin: 0; padding: 0; }
.suggestion { padding: .55rem 0; border-bottom: 1px solid var(--border); }
.suggestion:last-child { border-bottom: 0; }
.tag { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05rem .45rem; border-radius: 999px; background: var(--tag); margin-inline-end: .35rem; }
.suggestion-gap .tag, .suggestion-unhelpful .tag { background: var(--warn-soft); color: var(--warn); }
.suggestion-unopened .tag, .suggestion-unread .tag { background: var(--accent-soft); color: var(--accent); }
.empty { color: var(--muted); font-style: italic; margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
footer { font-size: .9rem; }
footer p { margin: .35rem 0; }
@media (max-width: 40rem) {
  main { padding: 1.25rem .6rem 2rem; }
  section, footer { padding: .9rem .8rem; }
  th, td { padding: .4rem .3rem; }
  .bars { display: none; }
}
@media (forced-colors: active) {
  .chart .bar-0, .meter .fill, .split .yes { fill: CanvasText; }
  .chart .bar-1, .split .no { fill: Highlight; }
}
@media print {
  body { background: #fff; }
  section, footer { break-inside: avoid; }
  details { display: block; }
}
`;
