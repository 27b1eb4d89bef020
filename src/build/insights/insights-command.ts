/** `kb-elements insights <data-dir> --out report.html [--kb kb.json] [--since 30d] [--views views.json]`. */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KnowledgeBase } from '../../core/knowledge-base';
import type { CliIo } from '../cli';
import { parseCommandLine } from '../cli-args';
import { InsightsCounter, type Insights } from './aggregate';
import { readEvents, type ReadStats } from './read-events';
import { renderReport } from './report-html';
import { suggest } from './suggestions';

export const INSIGHTS_USAGE = `Usage: kb-elements insights <data-dir> --out <report.html> [options]

Reads the event files of kb-elements collect in <data-dir> and writes a report: searches per
day, top searches, searches that found nothing, searches whose results were never opened, the
most read articles, helpfulness with the reasons given, and suggestions. One HTML file that
makes no requests. See docs/analytics.md.

Options:
  --out, -o <file>    the report to write (required)
  --kb <kb.json>      the knowledge-base bundle: article titles, and what it finds now for the
                      searches that found nothing
  --since <period>    how far back: 30d (default), 12w, 48h, or a date like 2026-01-31
  --views <file>      also write view counts per article over the period, for
                      kb-elements build --views <file>
  --quiet, -q         print nothing but errors
  --help, -h          show this help`;

export interface InsightsOptions {
  dataDir: string;
  /** Events received at or after this time. */
  since: Date;
  /** Events received before this time (default: now). */
  until?: Date;
  kb?: KnowledgeBase;
  /** Named in the report's footer, where `views` are written. */
  viewsFile?: string;
}

export interface InsightsResult {
  html: string;
  /** View counts by article id over the period, ids sorted. */
  views: Record<string, number>;
  insights: Insights;
  stats: ReadStats;
}

/** Reads the events and makes the report and the view counts (in memory). */
export async function createInsightsReport(options: InsightsOptions): Promise<InsightsResult> {
  const until = options.until ?? new Date();
  const counter = new InsightsCounter();
  const stats = await readEvents(options.dataDir, { since: options.since, until }, (event) => counter.add(event));
  const insights = counter.insights;
  const html = renderReport({
    insights,
    stats,
    since: options.since,
    until,
    kb: options.kb,
    suggestions: suggest(insights, options.kb),
    viewsFile: options.viewsFile,
  });
  const views: Record<string, number> = Object.create(null);
  for (const id of [...insights.articles.keys()].sort()) {
    const count = insights.articles.get(id)!.views;
    if (count > 0) views[id] = count;
  }
  return { html, views, insights, stats };
}

/** `30d`, `12w`, `48h` before `now`, or a date (`2026-01-31`, midnight UTC). */
export function parseSince(text: string, now: Date): Date {
  const relative = /^(\d{1,5})([hdw])$/.exec(text);
  if (relative) {
    const hours = { h: 1, d: 24, w: 24 * 7 }[relative[2] as 'h' | 'd' | 'w'];
    return new Date(now.getTime() - Number(relative[1]) * hours * 3_600_000);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    if (Number.isFinite(date.getTime()) && date.toISOString().startsWith(text)) return date;
  }
  throw new Error(`--since "${text}" is not a period like 30d, 12w, 48h or a date like 2026-01-31`);
}

interface InsightsArgs {
  help: boolean;
  dataDir: string;
  out: string;
  kb?: string;
  since: string;
  views?: string;
  quiet: boolean;
}

function parse(argv: string[]): InsightsArgs {
  const { values, positionals } = parseCommandLine(argv, {
    out: { type: 'string', short: 'o' },
    kb: { type: 'string' },
    since: { type: 'string' },
    views: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  const base = { help: false, dataDir: '', out: '', since: values.since ?? '30d', quiet: values.quiet ?? false };
  if (values.help) return { ...base, help: true };
  if (positionals.length === 0) throw new Error('missing <data-dir> (the folder kb-elements collect writes to)');
  if (positionals.length > 1) throw new Error(`unexpected argument "${positionals[1]}"`);
  if (!values.out) throw new Error('missing --out <report.html>');
  return { ...base, dataDir: positionals[0]!, out: values.out, kb: values.kb, views: values.views };
}

function loadKnowledgeBase(path: string): KnowledgeBase {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--kb ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {
      cause: error,
    });
  }
  try {
    return KnowledgeBase.from(JSON.parse(text));
  } catch (error) {
    throw new Error(`--kb ${path}: not a knowledge-base bundle (${(error as Error).message})`, { cause: error });
  }
}

/** Runs `kb-elements insights`; resolves with the exit code. */
export async function runInsightsCommand(argv: string[], io: CliIo, now = new Date()): Promise<number> {
  let args: InsightsArgs;
  let since: Date;
  try {
    args = parse(argv);
    since = parseSince(args.since, now);
  } catch (error) {
    io.err(`kb-elements insights: ${(error as Error).message}\n\n${INSIGHTS_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(INSIGHTS_USAGE);
    return 0;
  }
  const started = performance.now();
  let result: InsightsResult;
  try {
    if (!statSync(args.dataDir).isDirectory()) throw new Error(`${args.dataDir} is not a folder`);
    const kb = args.kb ? loadKnowledgeBase(args.kb) : undefined;
    result = await createInsightsReport({ dataDir: args.dataDir, since, until: now, kb, viewsFile: args.views });
    writeOutput(args.out, result.html);
    if (args.views) writeOutput(args.views, `${JSON.stringify(result.views, null, 2)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `kb-elements insights: ${code === 'ENOENT' ? `${(error as NodeJS.ErrnoException).path ?? args.dataDir} does not exist` : (error as Error).message}`,
    );
    return 2;
  }
  if (!args.quiet) {
    const { stats, insights } = result;
    const skipped = stats.badLines ? ` (${stats.badLines.toLocaleString('en')} bad lines skipped)` : '';
    io.out(
      `read ${stats.events.toLocaleString('en')} events from ${stats.files} files${skipped}: ${insights.searches.toLocaleString('en')} searches, ${insights.noResults.toLocaleString('en')} found nothing, ${insights.views.toLocaleString('en')} article views`,
    );
    io.out(
      `wrote ${args.out}${args.views ? ` and ${args.views} (${Object.keys(result.views).length} articles)` : ''} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  }
  return 0;
}

function writeOutput(path: string, text: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, text);
}
