/**
 * `kb-elements insights`: the report over a few thousand events (with bad lines and hostile
 * text among them), grouping, windows, views.json, and the command line.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/build/cli';
import { normalizeQuery } from '../../src/build/insights/aggregate';
import { createInsightsReport, parseSince } from '../../src/build/insights/insights-command';
import { buildBundle } from '../../src/build/build-bundle';
import { KnowledgeBase } from '../../src/core/knowledge-base';
import { tempContent, tempDir } from './helpers';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const DAY = 86_400_000;
const HOSTILE = '<script>alert(1)</script></style><img src=x onerror=alert(2)>';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes day files of generated events (and some lines that are not events); returns the folder. */
function eventFolder(now = NOW): string {
  const dir = tempDir();
  made.push(dir);
  const byDay = new Map<string, string[]>();
  const add = (daysAgo: number, event: Record<string, unknown>) => {
    const received = new Date(now.getTime() - daysAgo * DAY - 3_600_000).toISOString();
    const day = received.slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day)!.push(
      JSON.stringify({
        v: 1,
        time: received,
        session: `session-${daysAgo}-${byDay.get(day)!.length % 7}`,
        lang: 'en',
        received,
        ...event,
      }),
    );
  };
  for (let d = 0; d < 40; d++) {
    for (let i = 0; i < 60; i++) {
      add(d, {
        type: 'search',
        query: ['spam filter', 'DKIM', 'quarantine', 'imap settings'][i % 4],
        results: 5,
        opened: i % 3 ? 'spam-filter-threshold' : undefined,
      });
      add(d, { type: 'view', article: i % 2 ? 'spam-filter-threshold' : 'archive-storage' });
    }
    add(d, { type: 'search', query: ['SSO', 'SSO', 'sso ', 'Sso login', 'login sso'][d % 5], results: 0 });
    add(d, { type: 'search', query: 'mx record', results: 4 });
    add(d, {
      type: 'feedback',
      article: 'archive-storage',
      helpful: d % 4 === 0,
      reason: d % 4 ? `It does not say how long (${d})` : undefined,
    });
  }
  add(2, { type: 'search', query: HOSTILE, results: 0 });
  add(2, { type: 'feedback', article: 'x"><svg/onload=alert(3)>', helpful: false, reason: HOSTILE });
  add(3, { type: 'contact', article: 'archive-storage', query: 'export archive' });
  for (const [day, lines] of byDay) {
    // Lines that are not events: the report skips and counts them.
    if (day === new Date(now.getTime() - 11 * DAY - 3_600_000).toISOString().slice(0, 10))
      lines.push(
        '{"v":1,"type":"search"',
        'not json at all',
        JSON.stringify({ v: 1, type: 'view', article: 'a', time: NOW.toISOString(), session: 'session-x', received: 'never' }),
        'x'.repeat(70_000),
      );
    writeFileSync(join(dir, `kb-events-${day}.jsonl`), `${lines.join('\n')}\n`);
  }
  writeFileSync(join(dir, 'README.txt'), 'not an event file');
  return dir;
}

test('normalized queries: case, accents, endings, stop words and word order do not split a group', () => {
  assert.equal(normalizeQuery('SSO'), normalizeQuery(' sso '));
  assert.equal(normalizeQuery('Sso login'), normalizeQuery('login SSO'));
  assert.equal(normalizeQuery('spam filters'), normalizeQuery('Spam filter'));
  assert.equal(normalizeQuery('Résumé'), normalizeQuery('resume'));
  assert.equal(normalizeQuery('how to set up the mx record'), normalizeQuery('MX record set up'));
  assert.equal(normalizeQuery('single sign-on'), normalizeQuery('Single sign on'));
  assert.notEqual(normalizeQuery('mx record'), normalizeQuery('spf record'));
  assert.equal(normalizeQuery('the'), 'the');
});

test('a report over a few thousand events: counts, groups, bad lines skipped and counted, views', async () => {
  const dir = eventFolder();
  const result = await createInsightsReport({ dataDir: dir, since: parseSince('30d', NOW), until: NOW });
  const { insights, stats, html, views } = result;
  assert.equal(stats.badLines, 4);
  assert.equal(stats.badExamples.length, 4);
  assert.match(stats.badExamples.join('\n'), /kb-events-2026-03-20\.jsonl:\d+: not JSON/);
  assert.match(stats.badExamples.join('\n'), /received must be a date/);
  assert.match(stats.badExamples.join('\n'), /longer than 64 KiB/);
  // 30 days: the days 0..29 back (the hour before NOW each), not the 10 older ones.
  assert.equal(insights.searches, 30 * 62 + 1);
  assert.equal(insights.views, 30 * 60);
  assert.ok(stats.events > 3000, `${stats.events} events`);
  assert.equal(views['spam-filter-threshold'], 30 * 30);
  assert.equal(views['archive-storage'], 30 * 30);
  assert.deepEqual(Object.keys(views), ['archive-storage', 'spam-filter-threshold']);

  const sso = insights.queries.get(normalizeQuery('sso'))!;
  assert.equal(sso.noResults, 18, 'SSO, "sso ": one group');
  assert.equal(insights.queries.get(normalizeQuery('sso login'))!.noResults, 12, '"Sso login" and "login sso": one group');
  assert.equal(insights.queries.get(normalizeQuery('dkim'))!.opened, 300);

  // The report shows the gaps, with the group's spellings, and the suggestion.
  assert.match(html, /<h2 id="gaps-h">Searches that found nothing<\/h2>/);
  assert.match(html, /<q class="query">SSO<\/q><span class="variants">also <q>sso<\/q>/);
  assert.match(html, /18 searches for “SSO” found nothing: consider an article, or a tags: entry/);
  assert.match(html, /It does not say how long/);
  assert.match(html, /4 lines were skipped/);
});

test('the report escapes everything from the events and can make no request', async () => {
  const { html } = await createInsightsReport({ dataDir: eventFolder(), since: parseSince('30d', NOW), until: NOW });
  assert.ok(!html.includes('<script'), 'no script element');
  assert.ok(!/<(img|iframe|object|embed|link|base|form)\b/i.test(html), 'no element that could load anything');
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  assert.deepEqual(
    tags.filter((tag) => /\son\w+\s*=/i.test(tag)),
    [],
    'no event handler attribute',
  );
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;/style&gt;&lt;img src=x onerror=alert(2)&gt;'));
  assert.ok(html.includes('x&quot;&gt;&lt;svg/onload=alert(3)&gt;'));
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
  // The one style element is the one the policy's hash allows.
  assert.equal(html.match(/<style>/g)?.length, 1);
  // Light and dark, charts with text alternatives.
  assert.match(html, /@media \(prefers-color-scheme: dark\)/);
  assert.match(html, /<svg class="chart" viewBox="[^"]+" role="img" aria-labelledby="chart-days-title chart-days-desc"/);
  assert.match(html, /<desc id="chart-days-desc">1,861 searches from 1 Mar to 31 Mar, 31 of them found nothing/);
});

test('with --kb: titles, what the current bundle finds for the gaps, unread articles', async () => {
  const content = tempContent({
    'mail/spam-filter-threshold.md':
      '---\nid: spam-filter-threshold\ntitle: Set the spam filter threshold\n---\nThe spam filter threshold decides.',
    'mail/archive-storage.md': '---\nid: archive-storage\ntitle: How long the archive keeps mail\n---\nArchive retention is ten years.',
    'mail/single-sign-on.md': '---\ntitle: Single sign-on with SAML\ntags: [sso]\n---\nSign in with your company account.',
    'mail/unread.md': '---\ntitle: Nobody reads this\n---\nQuiet.',
  });
  const out = tempDir();
  made.push(content, out);
  await buildBundle({ contentDir: content, outDir: out });
  const kb = KnowledgeBase.from(JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8')));
  const { html } = await createInsightsReport({ dataDir: eventFolder(), since: parseSince('30d', NOW), until: NOW, kb });
  assert.match(html, /Set the spam filter threshold <code class="id">spam-filter-threshold<\/code>/);
  assert.match(html, /found nothing; the current knowledge base finds “Single sign-on with SAML” for it now/);
  assert.match(html, /2 articles were not read in this period: “Nobody reads this”, “Single sign-on with SAML”/);
  assert.match(html, /<code>x&quot;&gt;&lt;svg\/onload=alert\(3\)&gt;<\/code> <span class="muted">\(not in this bundle\)<\/span>/);
});

test('kb-elements insights: writes the report and views.json; clear errors for wrong usage', async () => {
  const dir = eventFolder(new Date());
  const outDir = tempDir();
  made.push(outDir);
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const report = join(outDir, 'nested', 'report.html');
  const viewsFile = join(outDir, 'views.json');
  const code = await main(['insights', dir, '--out', report, '--since', '30d', '--views', viewsFile], io);
  assert.equal(code, 0, err.join('\n'));
  assert.match(readFileSync(report, 'utf8'), /^<!doctype html>/);
  assert.deepEqual(JSON.parse(readFileSync(viewsFile, 'utf8')), { 'archive-storage': 30 * 30, 'spam-filter-threshold': 30 * 30 });
  assert.match(out.join('\n'), /read \d[\d,]* events from \d+ files \(4 bad lines skipped\)/);

  const usage = async (args: string[], message: RegExp) => {
    err.length = 0;
    assert.equal(await main(['insights', ...args], io), 2, args.join(' '));
    assert.match(err.join('\n'), message);
  };
  await usage([dir], /missing --out/);
  await usage(['--out', report], /missing <data-dir>/);
  await usage([dir, '--out', report, '--since', 'last week'], /--since "last week" is not a period/);
  await usage([join(dir, 'missing'), '--out', report], /does not exist/);
  await usage([dir, '--out', report, '--kb', join(dir, 'README.txt')], /--kb .*README\.txt: not a knowledge-base bundle/);
  await usage([dir, '--out', report, '--color'], /unknown option --color/);
});

test('--since: periods and dates', () => {
  assert.equal(parseSince('30d', NOW).toISOString(), '2026-03-01T12:00:00.000Z');
  assert.equal(parseSince('48h', NOW).toISOString(), '2026-03-29T12:00:00.000Z');
  assert.equal(parseSince('2w', NOW).toISOString(), '2026-03-17T12:00:00.000Z');
  assert.equal(parseSince('2026-01-31', NOW).toISOString(), '2026-01-31T00:00:00.000Z');
  assert.throws(() => parseSince('2026-02-31', NOW), /is not a period/);
  assert.throws(() => parseSince('-3d', NOW), /is not a period/);
});
