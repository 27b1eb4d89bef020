/** What the build tells the author: always a file (relative to the content folder) and why. */
import { didYouMeanHint } from './did-you-mean';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable kind, e.g. `front-matter-yaml`, `duplicate-id`, `missing-link`. */
  code: string;
  /** Path relative to the content folder, with `/` separators; `''` for the folder itself. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
  /** For a failure of the build itself on this file: the stack, shown with `--verbose`. */
  stack?: string;
}

/** `text` cut to `max` characters for a message, the cut marked with "...". */
export function clipped(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Misspelt names that get a suggestion, per list: each costs a comparison with every candidate. */
const SUGGESTIONS = 100;

/** Collects diagnostics for one build. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private suggestions = 0;

  /** ` (did you mean "x"?)` for a misspelt name, or `''` (always, after the first 100 names). */
  suggest(name: string, candidates: Iterable<string>): string {
    return this.suggestions++ < SUGGESTIONS ? didYouMeanHint(name, candidates) : '';
  }

  add(severity: Severity, code: string, file: string, message: string, line?: number): void {
    this.items.push(line === undefined ? { severity, code, file, message } : { severity, code, file, line, message });
  }
  error(code: string, file: string, message: string, line?: number): void {
    this.add('error', code, file, message, line);
  }
  warn(code: string, file: string, message: string, line?: number): void {
    this.add('warning', code, file, message, line);
  }
  info(code: string, file: string, message: string, line?: number): void {
    this.add('info', code, file, message, line);
  }

  /** One file could not be read or converted: an error for that file (`what`: `could not be read`), the rest of the build goes on. */
  fail(code: string, file: string, what: string, error: unknown, line?: number): void {
    const at = line ?? (typeof (error as { line?: unknown } | undefined)?.line === 'number' ? (error as { line: number }).line : undefined);
    this.add('error', code, file, `${what}: ${failureReason(error)}; left out of the bundle.`, at);
    const stack = error instanceof Error ? error.stack : undefined;
    if (stack) this.items[this.items.length - 1].stack = stack;
  }
}

/** A failure in the words of someone who wrote the file, not of the code that read it. */
function failureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it disappeared while the build ran';
  if (code === 'ENAMETOOLONG') return 'its name is too long';
  if (code === 'EISDIR') return 'it is a folder';
  if (code) return `${code} (${(error as Error).message})`;
  if (error instanceof RangeError) return 'it is too large or nested too deeply to convert';
  if (error instanceof Error && error.name === 'ContentLimitError') return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Sorted by file, line, then severity: the order a reader of the report expects. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const rank = { error: 0, warning: 1, info: 2 };
  return [...list].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      rank[a.severity] - rank[b.severity] ||
      compareStrings(a.message, b.message),
  );
}

/** `file:line: severity: message`, the shape editors and CI logs turn into links. */
export function formatDiagnostic(d: Diagnostic, contentDir = ''): string {
  const path = [contentDir, d.file].filter(Boolean).join('/') || '.';
  return `${path}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}`;
}

/** Code-point order, independent of the machine's locale (for byte-identical output). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
