// Plausible help-center events for the demo knowledge base (Skyhost), the insights report made
// from them, and screenshots of it in light and dark:
//   node scripts/demo-insights.mjs [outDir] [--screenshots <dir>]
// (default /tmp/kb-insights-demo). 30 days of visits, made with a seeded random generator: the
// same events every run, relative to today. Result counts are what the demo bundle really finds
// for each query. Every event passes the collector's schema check before it is written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const args = process.argv.slice(2);
const shotsAt = args.indexOf('--screenshots');
const shotsDir = shotsAt >= 0 ? args.splice(shotsAt, 2)[1] : undefined;
const out = resolve(args[0] ?? '/tmp/kb-insights-demo');
const BUNDLE = 'test/fixtures/generated/demo/kb.json';

if (!existsSync(BUNDLE)) execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/build-fixtures.ts'], { stdio: 'inherit' });
const load = (path) => tsImport(resolve(path), import.meta.url);
const { KnowledgeBase } = await load('src/core/knowledge-base.ts');
const { validateStoredEvent } = await load('src/core/analytics-events.ts');
const { main } = await load('src/build/cli.ts');
const kb = KnowledgeBase.from(JSON.parse(readFileSync(BUNDLE, 'utf8')));

// ---- a seeded generator (mulberry32) ----
let seed = 20260301;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const weighted = (entries) => {
  let r = random() * entries.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1][0];
};

// What Skyhost's customers type: spellings of one need, and how often it comes up.
const NEEDS = [
  [['spam filter', 'Spam filters', 'spam filtering', 'spam filter threshold'], 14],
  [['quarantine', 'release quarantine', 'Quarantine'], 11],
  [['dkim', 'DKIM record', 'dkim setup'], 9],
  [['mx record', 'MX records', 'mx'], 8],
  [['imap settings', 'IMAP', 'outlook setup', 'thunderbird'], 8],
  [['add domain', 'add a domain', 'verify domain'], 7],
  [['invoice', 'invoices', 'billing'], 5],
  [['two-factor', '2fa', 'two factor authentication'], 5],
  [['archive retention', 'how long archive', 'retention'], 4],
  [['import pst', 'pst import'], 3],
  [['api key', 'API token'], 3],
  [['alias', 'forwarding', 'catch-all'], 4],
  [['password reset', 'reset password'], 4],
  [['dns propagation', 'dns not working'], 3],
  // Gaps: nothing in the demo answers these.
  [['sso', 'SSO', 'SSO login', 'sso saml'], 6],
  [['webhooks', 'webhook'], 4],
  [['ldap', 'LDAP sync'], 2],
  [['refund', 'refunds'], 3],
  [['phishing', 'phishing report'], 3],
  [['autoresponder', 'auto responder'], 2],
  [['allowlist'], 2],
  // Results that do not answer: found, but readers open none of them.
  [['single sign-on', 'single sign on'], 3],
  [['mobile app', 'iphone app'], 2],
];
/** Needs whose results readers do not open. */
const UNANSWERED = new Set(['single sign-on', 'single sign on', 'mobile app', 'iphone app']);
// How often readers of an article found it helpful, and what the others wrote.
const REASONS = {
  'dns-records': [
    'It does not say how long the changes take to work.',
    'The screenshots show the old DNS page.',
    'Which TXT record is the DKIM one?',
  ],
  'email-client-settings': [
    'No settings for Apple Mail on the iPhone.',
    'Port 587 or 465? Both are mentioned.',
    'My Outlook 2016 still asks for the password.',
  ],
  quarantine: ['I cannot find the release button on my phone.', 'How long are messages kept in quarantine?'],
  'spam-filter-threshold': ['What number should I pick for a small office?', 'Still getting spam at 5.'],
  'invoices-and-payments': ['My invoice 20240117 shows the wrong VAT number.', 'Can I pay by bank transfer?'],
};
const HELPFUL = { 'dns-records': 0.45, 'email-client-settings': 0.5, quarantine: 0.6 };
const GENERIC_REASONS = [
  'Too long, I only needed the steps.',
  'It did not answer my question.',
  'Please write to me at alex.morgan@example.org about this.',
];

const DAY = 86_400_000;
const now = Date.now();
// 30 days up to today, each from midnight UTC; nothing later than now.
const start = Math.floor(now / DAY) * DAY - 29 * DAY;
const found = new Map();
const results = (query) => {
  if (!found.has(query)) found.set(query, kb.search(query, { limit: 8 }));
  return found.get(query);
};
const popular = kb.popular(12).map((a) => a.id);
const byDay = new Map();
let sessions = 0;
let skipped = 0;

function write(at, event) {
  if (at > now - 60_000) return;
  const received = new Date(at + 300 + random() * 4000).toISOString();
  const checked = validateStoredEvent({
    v: 1,
    time: new Date(at).toISOString(),
    lang: 'en',
    kbVersion: kb.meta.contentVersion,
    client: '0.1.0',
    received,
    ...event,
  });
  if (!checked.ok) {
    skipped++;
    return;
  }
  const day = received.slice(0, 10);
  if (!byDay.has(day)) byDay.set(day, []);
  byDay.get(day).push(JSON.stringify(checked.value));
}

for (let day = 0; day < 30; day++) {
  const date = new Date(start + day * DAY);
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const visits = Math.round((weekend ? 14 : 38) * (0.8 + random() * 0.5) * (1 + day / 60));
  for (let v = 0; v < visits; v++) {
    const session = `demo${String(++sessions).padStart(6, '0')}xx`;
    let at = date.getTime() + (7 + random() * 12) * 3_600_000;
    const searches = weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ]);
    let gaveUp;
    for (let s = 0; s < searches; s++) {
      const query = pick(weighted(NEEDS.map(([spellings, w]) => [spellings, w])));
      const hits = results(query);
      at += 8000 + random() * 20000;
      const opens = hits.length && !UNANSWERED.has(query) && random() < (query.length <= 3 ? 0.45 : 0.72);
      const opened = opens ? hits[Math.min(hits.length - 1, Math.floor(random() * random() * 3))].article.id : undefined;
      write(at, { type: 'search', session, query, results: hits.length, ...(opened ? { opened } : {}) });
      if (!opened) {
        gaveUp = hits.length ? undefined : query;
        continue;
      }
      at += 1500;
      write(at, { type: 'view', session, article: opened });
      if (random() < 0.3) {
        const helpful = random() < (HELPFUL[opened] ?? 0.82);
        const reason = helpful || random() < 0.35 ? undefined : pick(REASONS[opened] ?? GENERIC_REASONS);
        at += 40_000 + random() * 120_000;
        write(at, { type: 'feedback', session, article: opened, helpful, ...(reason ? { reason } : {}) });
        if (!helpful && random() < 0.3) write(at + 5000, { type: 'contact', session, article: opened });
      }
      break;
    }
    if (gaveUp && random() < 0.25) write(at + 9000, { type: 'contact', session, query: gaveUp });
    // Some readers browse the help center's home and categories instead of searching.
    if (random() < 0.35) write(at + 60_000, { type: 'view', session, article: weighted(popular.map((id, i) => [id, popular.length - i])) });
  }
}

rmSync(out, { recursive: true, force: true });
const dataDir = join(out, 'events');
mkdirSync(dataDir, { recursive: true });
let events = 0;
for (const [day, lines] of [...byDay].sort()) {
  events += lines.length;
  writeFileSync(join(dataDir, `kb-events-${day}.jsonl`), `${lines.join('\n')}\n`);
}
console.log(
  `demo-insights: ${events} events of ${sessions} visits over 30 days in ${dataDir}${skipped ? ` (${skipped} refused by the schema)` : ''}`,
);

const report = join(out, 'report.html');
const code = await main(['insights', dataDir, '--kb', BUNDLE, '--since', '30d', '--out', report, '--views', join(out, 'views.json')]);
if (code !== 0) process.exit(code);

if (shotsDir) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { findChromium } = await import('./chromium.mjs');
  mkdirSync(shotsDir, { recursive: true });
  const chromium = await findChromium();
  const browser = await puppeteer.launch({ executablePath: chromium.executablePath, args: chromium.args, headless: true });
  try {
    // Light: the top (totals, suggestions); dark: the chart and the searches that found nothing.
    for (const [name, width, height, scheme, from] of [
      ['insights-report-light', 1100, 1300, 'light', 'body'],
      ['insights-report-dark', 1100, 1300, 'dark', '#per-day'],
      ['insights-report-narrow', 390, 1600, 'light', 'body'],
    ]) {
      const page = await browser.newPage();
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setViewport({ width, height });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
      const top = await page.$eval(from, (el) => Math.max(0, el.getBoundingClientRect().top + window.scrollY - 24));
      const file = join(shotsDir, `${name}.png`);
      await page.screenshot({ path: file, clip: { x: 0, y: top, width, height }, captureBeyondViewport: true });
      if (requests.length !== 1) console.warn(`${name}: the report made requests: ${requests.slice(1).join(', ')}`);
      console.log(file);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
