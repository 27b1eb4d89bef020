/**
 * View counts from data (`views.json`, as `kb-elements insights --views` writes it:
 * `{ "<article id>": count }`) instead of the hand-typed front matter `views`. The file is
 * checked like content: a bad entry is a warning naming it, never a crash or a wrong count.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ContentRoot } from './content-root';
import { clipped, type DiagnosticList } from './diagnostics';
import { lineIndex } from './line-index';

/** Where the counts come from: a file (path) or the counts themselves (the Vite plugin's option). */
export type ViewsSource = string | Readonly<Record<string, number>>;

/** Larger counts are taken for a mistake (a trillion reads of one article). */
export const MAX_VIEWS = 1e12;
const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Warnings about single entries; the rest are counted in one more. */
const ENTRY_WARNINGS = 20;

/** Counts by article id, or undefined when there are none to use (with the reason in `diagnostics`). */
export type ViewCounts = Map<string, number>;

/** `path` relative to the content folder, with `/`: how build diagnostics name files. */
export function contentRelative(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join('/') || '.';
}

/**
 * Reads the counts from `source`. `file` names it in diagnostics (relative to the content
 * folder). A file that cannot be read or is not an object of counts is an error: the build
 * would otherwise publish wrong popularity without a word.
 */
export function readViewCounts(source: ViewsSource, file: string, diagnostics: DiagnosticList): ViewCounts | undefined {
  if (typeof source !== 'string') return countsFrom(source, file, diagnostics);
  let text: string;
  try {
    const size = statSync(source).size;
    if (size > MAX_FILE_BYTES) {
      diagnostics.error(
        'views-file',
        file,
        `is ${(size / 1e6).toFixed(0)} MB; a views file is at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Front matter views are used.`,
      );
      return undefined;
    }
    text = readFileSync(source, 'utf8');
  } catch (error) {
    diagnostics.error(
      'views-file',
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); front matter views are used.`,
    );
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    diagnostics.error('views-file', file, `is not valid JSON (${(error as Error).message}); front matter views are used.`);
    return undefined;
  }
  return countsFrom(data, file, diagnostics, text);
}

function countsFrom(data: unknown, file: string, diagnostics: DiagnosticList, text?: string): ViewCounts | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data;
    diagnostics.error(
      'views-file',
      file,
      `must be an object of view counts by article id, like { "add-a-domain": 120 } (got ${got}); front matter views are used.`,
    );
    return undefined;
  }
  const counts: ViewCounts = new Map();
  let bad = 0;
  let lineOf: ((offset: number) => number) | undefined;
  for (const [id, value] of Object.entries(data)) {
    const problem = countProblem(value);
    if (!problem) {
      counts.set(id, value as number);
      continue;
    }
    if (++bad <= ENTRY_WARNINGS)
      diagnostics.warn(
        'views-count',
        file,
        `"${printable(id)}": ${problem}; ignored it.`,
        text ? lineOfKey(text, id, (lineOf ??= lineIndex(text))) : undefined,
      );
  }
  if (bad > ENTRY_WARNINGS)
    diagnostics.warn(
      'views-count',
      file,
      `${bad - ENTRY_WARNINGS} more entries with a count that is not a whole number from 0 to ${MAX_VIEWS}; ignored them.`,
    );
  return counts;
}

function countProblem(value: unknown): string | undefined {
  if (typeof value !== 'number')
    return `the count must be a number (got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value})`;
  if (!Number.isInteger(value)) return `the count must be a whole number (got ${value})`;
  if (value < 0) return `the count cannot be negative (got ${value})`;
  if (value > MAX_VIEWS) return `the count ${value} is larger than ${MAX_VIEWS}`;
  return undefined;
}

/**
 * Each article's `views` from `counts` where it has one, else as it was (front matter). Ids
 * that are not articles are one warning (renamed or deleted articles, or another knowledge
 * base's file). Returns new article objects; the ones passed in are not changed.
 */
export function applyViewCounts<T extends { id: string; views: number }>(
  articles: readonly T[],
  counts: ViewCounts,
  file: string,
  diagnostics: DiagnosticList,
): T[] {
  const known = new Set(articles.map((a) => a.id));
  const unknown = [...counts.keys()].filter((id) => !known.has(id));
  if (unknown.length) {
    const shown = unknown
      .slice(0, 5)
      .map((id) => `"${printable(id)}"`)
      .join(', ');
    const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
    diagnostics.warn(
      'views-unknown',
      file,
      `${unknown.length} ${unknown.length === 1 ? 'id is' : 'ids are'} not an article of this knowledge base: ${shown}${more} (renamed or deleted articles?); ignored.`,
    );
  }
  return articles.map((article) => {
    const views = counts.get(article.id);
    return views === undefined ? article : { ...article, views };
  });
}

/**
 * The views file named by kb.config (`views`), which must be content inside the content folder
 * (ContentRoot's fence: no `..`, no link out, not hidden, not in node_modules): the config comes
 * with the content, and the build reads nothing else.
 */
export function configViewsPath(contentDir: string, path: string, diagnostics: DiagnosticList, configFile: string): string | undefined {
  const refuse = (why: string) => {
    diagnostics.error(
      'views-file',
      configFile,
      `setting "views" (${JSON.stringify(path)}) ${why}; the build reads only content inside its folder (use --views for a file elsewhere). Front matter views are used.`,
    );
    return undefined;
  };
  const parts = path.split(/[\\/]/);
  if (isAbsolute(path) || parts.includes('..')) return refuse('points outside the content folder');
  const root = new ContentRoot(contentDir);
  const resolved = root.resolve(parts.filter((p) => p && p !== '.').join('/'));
  if ('outside' in resolved)
    return refuse(
      resolved.outside.startsWith('it is outside')
        ? 'points outside the content folder (through a symbolic link)'
        : `is not read: ${resolved.outside}`,
    );
  // A missing file is reported when it is read.
  return 'real' in resolved ? resolved.real : resolve(contentDir, path);
}

/** An id as it can be shown in a message: control characters escaped, long ones cut. */
function printable(id: string): string {
  const shown = JSON.stringify(id).slice(1, -1);
  return clipped(shown);
}

function lineOfKey(text: string, id: string, lineOf: (offset: number) => number): number | undefined {
  const at = text.indexOf(JSON.stringify(id));
  return at < 0 ? undefined : lineOf(at);
}
