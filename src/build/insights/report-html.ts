/**
 * The insights report: one self-contained HTML file. No script, no request (a Content Security
 * Policy in the file allows nothing but its own style sheet), light and dark by
 * `prefers-color-scheme`, charts as inline SVG with text alternatives. Every value that comes
 * from the events (queries, reasons, ids) is untrusted and escaped.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../../core/knowledge-base';
import { escapeHtml as esc } from '../../core/search/highlight';
import { mostFrequent, top, type ArticleStats, type Insights, type QueryGroup } from './aggregate';
import type { ReadStats } from './read-events';
import { titleOf, type Suggestion } from './suggestions';
import { meterBar, splitBar, stackedBarChart } from './svg-charts';
import { REPORT_CSS } from './report-styles';

const ROWS = 20;
const VARIANTS_SHOWN = 4;
const REASONS_SHOWN = 12;
const DAY_MS = 86_400_000;

export interface ReportInput {
  insights: Insights;
  stats: ReadStats;
  since: Date;
  until: Date;
  suggestions: Suggestion[];
  kb?: KnowledgeBase;
  /** Where views.json was written, if it was. */
  viewsFile?: string;
}

const fmt = (n: number) => n.toLocaleString('en');
const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '–');
const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateLabel = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function renderReport(input: ReportInput): string {
  const { insights, kb } = input;
  const name = kb?.meta.title;
  const days = Math.max(1, Math.round((input.until.getTime() - input.since.getTime()) / DAY_MS));
  const styleHash = createHash('sha256').update(REPORT_CSS).digest('base64');
  const body = [
    header(input, name, days),
    cards(insights),
    suggestionsSection(input.suggestions),
    perDaySection(input),
    gapsSection(insights, kb),
    unopenedSection(insights, kb),
    topQueriesSection(insights),
    mostReadSection(insights, kb),
    helpfulnessSection(insights, kb),
    contactSection(insights, kb),
    footer(input),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${esc(`Help-center insights${name ? `: ${name}` : ''}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function header(input: ReportInput, name: string | undefined, days: number): string {
  const period = `${dateLabel(input.since)} – ${dateLabel(input.until)} (${days} ${days === 1 ? 'day' : 'days'})`;
  const made = `${input.until.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<header>
<h1>Help-center insights</h1>
<p class="sub">${name ? `${esc(name)} · ` : ''}${esc(period)} · made ${esc(made)}</p>
</header>`;
}

function cards(i: Insights): string {
  const votes = i.helpful + i.unhelpful;
  const card = (label: string, value: string, note = '') =>
    `<div class="card"><p class="card-label">${esc(label)}</p><p class="card-value">${esc(value)}</p>${note ? `<p class="card-note">${esc(note)}</p>` : ''}</div>`;
  return `<section class="cards" aria-label="Totals">
${card('Searches', fmt(i.searches), `${fmt(i.queries.size)} different`)}
${card('Found nothing', fmt(i.noResults), `${percent(i.noResults, i.searches)} of searches`)}
${card('Article views', fmt(i.views))}
${card('Helpful', percent(i.helpful, votes), `${fmt(votes)} ${votes === 1 ? 'answer' : 'answers'}`)}
${card('Visits', fmt(i.sessions), 'page loads with help activity')}
${card('Contact clicks', fmt(i.contacts))}
</section>`;
}

function section(id: string, title: string, intro: string, content: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${esc(title)}</h2>
${intro ? `<p class="intro">${esc(intro)}</p>` : ''}
${content}
</section>`;
}

const empty = (text: string) => `<p class="empty">${esc(text)}</p>`;

function suggestionsSection(suggestions: Suggestion[]): string {
  const labels: Record<Suggestion['kind'], string> = {
    gap: 'Content gap',
    unopened: 'Results not opened',
    unhelpful: 'Unhelpful',
    unread: 'Not read',
    contact: 'Led to support',
  };
  const items = suggestions.map(
    (s) => `<li class="suggestion suggestion-${s.kind}"><span class="tag">${esc(labels[s.kind])}</span> ${esc(s.text)}</li>`,
  );
  return section(
    'suggestions',
    'Suggestions',
    '',
    items.length
      ? `<ul class="suggestions">${items.join('\n')}</ul>`
      : empty('Nothing stands out yet: suggestions need at least 3 searches or answers about the same thing.'),
  );
}

function perDaySection(input: ReportInput): string {
  const { insights } = input;
  const rows: { day: string; found: number; nothing: number; views: number }[] = [];
  const first = Date.UTC(input.since.getUTCFullYear(), input.since.getUTCMonth(), input.since.getUTCDate());
  for (let t = first; t < input.until.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const stats = insights.days.get(day);
    rows.push({ day, found: (stats?.searches ?? 0) - (stats?.noResults ?? 0), nothing: stats?.noResults ?? 0, views: stats?.views ?? 0 });
  }
  if (!insights.searches) return section('per-day', 'Searches per day', '', empty('No searches in this period.'));
  const busiest = rows.reduce((a, b) => (b.found + b.nothing > a.found + a.nothing ? b : a), rows[0]!);
  const description = `${fmt(insights.searches)} searches from ${dayLabel(rows[0]!.day)} to ${dayLabel(rows[rows.length - 1]!.day)}, ${fmt(insights.noResults)} of them found nothing. The busiest day was ${dayLabel(busiest.day)} with ${fmt(busiest.found + busiest.nothing)}. The table below has every day's numbers.`;
  const chart = stackedBarChart(
    rows.map((r) => ({ label: dayLabel(r.day), values: [r.found, r.nothing] })),
    { id: 'chart-days', title: 'Searches per day', description, series: ['found something', 'found nothing'] },
  );
  const numbers = table(
    ['Day', { label: 'Searches', num: true }, { label: 'Found nothing', num: true }, { label: 'Article views', num: true }],
    rows.map(
      (r) =>
        `<tr><th scope="row">${esc(dayLabel(r.day))}</th><td class="num">${fmt(r.found + r.nothing)}</td><td class="num">${fmt(r.nothing)}</td><td class="num">${fmt(r.views)}</td></tr>`,
    ),
  );
  return section(
    'per-day',
    'Searches per day',
    '',
    `<figure>${chart}</figure><details><summary>Numbers per day</summary>${numbers}</details>`,
  );
}

/** A group's most common spelling, with the other spellings after it. */
function queryCell(group: QueryGroup): string {
  const main = mostFrequent(group.variants);
  const others = [...group.variants.keys()].filter((v) => v !== main);
  const shown = others
    .slice(0, VARIANTS_SHOWN)
    .map((v) => `<q>${esc(v)}</q>`)
    .join(', ');
  const more = others.length > VARIANTS_SHOWN ? ` and ${fmt(others.length - VARIANTS_SHOWN)} more` : '';
  return `<q class="query">${esc(main)}</q>${others.length ? `<span class="variants">also ${shown}${more}</span>` : ''}`;
}

/**
 * A column heading: its text, right-aligned numbers (`num`), or a column of bars whose heading
 * only screen readers read (`bars`; the column is left out on narrow screens).
 */
type Column = string | { label: string; num?: boolean; bars?: boolean };

/** A table of `rows` (`<tr>` markup), with "and N more" when `total` is over the rows shown. */
function table(columns: Column[], rows: string[], total = rows.length): string {
  const head = columns
    .map((c) => (typeof c === 'string' ? { label: c } : c))
    .map(
      (c) =>
        `<th scope="col"${c.num ? ' class="num"' : c.bars ? ' class="bars"' : ''}>${c.bars ? `<span class="visually-hidden">${esc(c.label)}</span>` : esc(c.label)}</th>`,
    )
    .join('');
  const more = total > rows.length ? `<p class="more">and ${fmt(total - rows.length)} more</p>` : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>${more}`;
}

function gapsSection(insights: Insights, kb?: KnowledgeBase): string {
  const groups = [...insights.queries.values()];
  const rows = top(
    groups,
    ROWS,
    (g) => g.noResults,
    (g) => g.key,
  );
  const total = groups.filter((g) => g.noResults > 0).length;
  const intro =
    'The content gaps: what readers looked for and did not find, grouped by the words that matter (case, accents, word order and endings do not split a group).';
  if (!rows.length) return section('gaps', 'Searches that found nothing', intro, empty('Every search found something.'));
  const columns: Column[] = [
    'Search',
    { label: 'Found nothing', num: true },
    { label: 'Visits', num: true },
    'Last',
    ...(kb ? ['Current knowledge base finds'] : []),
  ];
  const body = rows.map((g) => {
    const now = kb ? `<td>${firstTitle(kb, g) ?? '<span class="muted">still nothing</span>'}</td>` : '';
    return `<tr><td>${queryCell(g)}</td><td class="num">${fmt(g.noResults)}</td><td class="num">${fmt(g.sessions.size)}</td><td>${esc(dayLabel(g.last.slice(0, 10)))}</td>${now}</tr>`;
  });
  return section('gaps', 'Searches that found nothing', intro, table(columns, body, total));
}

function unopenedSection(insights: Insights, kb?: KnowledgeBase): string {
  const groups = [...insights.queries.values()];
  const rows = top(
    groups,
    ROWS,
    (g) => (g.opened ? 0 : g.notOpened),
    (g) => g.key,
  );
  const total = groups.filter((g) => !g.opened && g.notOpened > 0).length;
  const intro = 'Searches that found results, none of which was ever opened: the titles or excerpts shown may not answer them.';
  if (!rows.length)
    return section(
      'unopened',
      'Searches whose results were never opened',
      intro,
      empty('A result was opened for every search that found something.'),
    );
  const columns: Column[] = [
    'Search',
    { label: 'Searches', num: true },
    { label: 'Visits', num: true },
    ...(kb ? ['First result now'] : []),
  ];
  const body = rows.map((g) => {
    const first = kb ? `<td>${firstTitle(kb, g) ?? '<span class="muted">none</span>'}</td>` : '';
    return `<tr><td>${queryCell(g)}</td><td class="num">${fmt(g.notOpened)}</td><td class="num">${fmt(g.sessions.size)}</td>${first}</tr>`;
  });
  return section('unopened', 'Searches whose results were never opened', intro, table(columns, body, total));
}

function topQueriesSection(insights: Insights): string {
  const rows = top(
    insights.queries.values(),
    ROWS,
    (g) => g.searches,
    (g) => g.key,
  );
  if (!rows.length) return section('top-queries', 'Top searches', '', empty('No searches in this period.'));
  const max = rows[0]!.searches;
  const body = rows.map(
    (g) =>
      `<tr><td>${queryCell(g)}</td><td class="num">${fmt(g.searches)}</td><td class="bars">${meterBar(g.searches, max)}</td><td class="num">${percent(g.noResults, g.searches)}</td><td class="num">${percent(g.opened, g.searches - g.noResults)}</td></tr>`,
  );
  const columns: Column[] = [
    'Search',
    { label: 'Searches', num: true },
    { label: 'Share', bars: true },
    { label: 'Found nothing', num: true },
    { label: 'Opened', num: true },
  ];
  return section(
    'top-queries',
    'Top searches',
    'Opened: the share of searches that found something from which a result was opened.',
    table(columns, body, insights.queries.size),
  );
}

/** The title of the current bundle's first result for a group's most common spelling, escaped. */
function firstTitle(kb: KnowledgeBase, group: QueryGroup): string | undefined {
  const hit = kb.search(mostFrequent(group.variants), { limit: 1 })[0];
  return hit ? esc(hit.article.title) : undefined;
}

function articleCell(id: string, kb?: KnowledgeBase): string {
  const title = titleOf(id, kb);
  const missing = kb && !kb.articleMeta(id) ? ' <span class="muted">(not in this bundle)</span>' : '';
  return title === id ? `<code>${esc(id)}</code>${missing}` : `${esc(title)} <code class="id">${esc(id)}</code>`;
}

function mostReadSection(insights: Insights, kb?: KnowledgeBase): string {
  const rows = top(
    insights.articles.values(),
    ROWS,
    (a) => a.views,
    (a) => a.id,
  );
  const intro = 'Views of articles the readers asked for (search results, lists, links, tips), not the ones the page opened on its own.';
  if (!rows.length) return section('most-read', 'Most read articles', intro, empty('No article views in this period.'));
  const max = rows[0]!.views;
  const body = rows.map(
    (a) => `<tr><td>${articleCell(a.id, kb)}</td><td class="num">${fmt(a.views)}</td><td class="bars">${meterBar(a.views, max)}</td></tr>`,
  );
  const total = [...insights.articles.values()].filter((a) => a.views > 0).length;
  return section(
    'most-read',
    'Most read articles',
    intro,
    table(['Article', { label: 'Views', num: true }, { label: 'Share', bars: true }], body, total),
  );
}

/** The reasons given, the most frequent first (`×3` when several readers wrote the same). */
function reasonsCell(article: ArticleStats): string {
  if (!article.reasonCount) return '<span class="muted">–</span>';
  const shown = top(
    article.reasons,
    REASONS_SHOWN,
    ([, n]) => n,
    ([text]) => text,
  );
  const listed = shown.reduce((n, [, count]) => n + count, 0);
  const items = shown.map(([text, n]) => `<li>${esc(text)}${n > 1 ? ` <span class="muted">×${fmt(n)}</span>` : ''}</li>`).join('');
  const more = article.reasonCount > listed ? `<li class="muted">and ${fmt(article.reasonCount - listed)} more</li>` : '';
  return `<details><summary>${fmt(article.reasonCount)} ${article.reasonCount === 1 ? 'reason' : 'reasons'}</summary><ul class="reasons">${items}${more}</ul></details>`;
}

function helpfulnessSection(insights: Insights, kb?: KnowledgeBase): string {
  const all = [...insights.articles.values()].filter((a) => a.helpful + a.unhelpful > 0);
  // Least helpful first: the articles that need work.
  const rows = all.sort((a, b) => b.unhelpful - a.unhelpful || a.helpful - b.helpful || (a.id < b.id ? -1 : 1)).slice(0, ROWS);
  const intro = 'Answers to “Was this article helpful?”, least helpful first, with what readers wrote after “No”.';
  if (!rows.length) return section('helpfulness', 'Helpfulness', intro, empty('No answers in this period.'));
  const body = rows.map(
    (a) =>
      `<tr><td>${articleCell(a.id, kb)}</td><td class="num">${fmt(a.helpful)}</td><td class="num">${fmt(a.unhelpful)}</td><td class="bars split-cell">${splitBar(a.helpful, a.unhelpful)}</td><td class="num">${percent(a.helpful, a.helpful + a.unhelpful)}</td><td>${reasonsCell(a)}</td></tr>`,
  );
  const columns: Column[] = [
    'Article',
    { label: 'Yes', num: true },
    { label: 'No', num: true },
    { label: 'Split', bars: true },
    { label: 'Helpful', num: true },
    'Reasons',
  ];
  return section('helpfulness', 'Helpfulness', intro, table(columns, body, all.length));
}

function contactSection(insights: Insights, kb?: KnowledgeBase): string {
  if (!insights.contacts) return '';
  const rows = top(
    insights.articles.values(),
    ROWS,
    (a) => a.contacts,
    (a) => a.id,
  );
  const queries = top(
    insights.contactQueries.values(),
    10,
    (q) => q.count,
    (q) => q.query,
  );
  const articleTable = rows.length
    ? table(
        ['Read before contacting support', { label: 'Contact clicks', num: true }],
        rows.map((a) => `<tr><td>${articleCell(a.id, kb)}</td><td class="num">${fmt(a.contacts)}</td></tr>`),
      )
    : '';
  const queryList = queries.length
    ? `<p>After searching for ${queries.map((q) => `<q>${esc(q.query)}</q> (${fmt(q.count)})`).join(', ')}.</p>`
    : '';
  return section(
    'contact',
    'Contact clicks',
    'Readers who chose to contact support, and what they were reading or searching.',
    articleTable + queryList,
  );
}

function footer(input: ReportInput): string {
  const { stats } = input;
  const bad = stats.badLines
    ? `<p>${fmt(stats.badLines)} ${stats.badLines === 1 ? 'line was' : 'lines were'} skipped (not events): </p><ul>${stats.badExamples.map((e) => `<li><code>${esc(e)}</code></li>`).join('')}</ul>`
    : '<p>No bad lines.</p>';
  const versions = [...input.insights.kbVersions.keys()];
  const kbLine = versions.length
    ? `<p>Knowledge-base versions seen: ${versions
        .slice(0, 8)
        .map((v) => `<code>${esc(v)}</code>`)
        .join(
          ', ',
        )}${versions.length > 8 ? ' …' : ''}${input.kb?.meta.contentVersion ? `; compared with <code>${esc(input.kb.meta.contentVersion)}</code>` : ''}.</p>`
    : '';
  const views = input.viewsFile
    ? `<p>View counts written to <code>${esc(input.viewsFile)}</code>: <code>kb-elements build … --views ${esc(input.viewsFile)}</code> puts them into the bundle.</p>`
    : '';
  return `<footer>
<h2>About these numbers</h2>
<p>${fmt(stats.events)} events from ${fmt(stats.files)} ${stats.files === 1 ? 'file' : 'files'}${stats.outside ? `; ${fmt(stats.outside)} outside this period left out` : ''}. Made by <code>kb-elements insights</code> from the collector’s files. The events carry no user ids and no cookies; what readers typed was redacted before it was stored.</p>
${bad}
${kbLine}
${views}
</footer>`;
}
