/** What the CLI (and the Vite plugin) prints: diagnostics and the build summary. */
import type { BuildResult } from './build-bundle';
import { formatDiagnostic, type Diagnostic } from './diagnostics';

export interface ReportOptions {
  /** List notes (severity info) too, and every message without a cap. */
  verbose?: boolean;
  /** How the content folder is named in `file:line` references. */
  contentLabel?: string;
  /** Say how many notes were not listed, and how to list them (the CLI's `--verbose`). */
  notesHint?: string;
}

const CAP = 50;

/** `file:line: severity: message` lines; errors and warnings, capped unless verbose. */
export function diagnosticLines(diagnostics: Diagnostic[], options: ReportOptions = {}): string[] {
  const shown = diagnostics.filter((d) => options.verbose || d.severity !== 'info');
  const lines = (options.verbose ? shown : shown.slice(0, CAP)).map((d) =>
    options.verbose && d.stack ? `${formatDiagnostic(d, options.contentLabel)}\n${d.stack}` : formatDiagnostic(d, options.contentLabel),
  );
  if (!options.verbose && shown.length > CAP)
    lines.push(`... and ${shown.length - CAP} more${options.notesHint ? ' (run with --verbose to see all)' : ''}`);
  const notes = diagnostics.length - shown.length;
  if (notes && options.notesHint)
    lines.push(`${notes} ${notes === 1 ? 'note' : 'notes'} (drafts left out, files not used, ...): ${options.notesHint}`);
  return lines;
}

/**
 * GitHub Actions workflow commands (`::warning file=…,line=…::message`), so a CI run shows the
 * build's errors and warnings on the lines of the pull request.
 */
export function githubAnnotations(diagnostics: Diagnostic[], contentLabel: string): string[] {
  const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => {
      const file = [contentLabel, d.file].filter((p) => p && p !== '.').join('/');
      const where = [file && `file=${property(file)}`, d.line && `line=${d.line}`].filter(Boolean).join(',');
      return `::${d.severity}${where ? ` ${where}` : ''}::${escape(d.message)}`;
    });
}

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The summary: counts, sizes raw and gzip, time. */
export function summaryLines(result: BuildResult, outLabel: string): string[] {
  const s = result.stats;
  const unwritten = result.written === false ? ` (not written: the build failed, ${outLabel} is as it was)` : '';
  const lines = [
    `${plural(s.articles, 'article')}, ${plural(s.categories, 'category', 'categories')}, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${unwritten}`,
    `  ${outLabel}/kb.json  ${formatBytes(s.bundle.raw)} (gzip ${formatBytes(s.bundle.gzip)}), search index ${formatBytes(s.index.raw)} (gzip ${formatBytes(s.index.gzip)})`,
  ];
  if (s.split)
    lines.push(
      `  ${outLabel}/articles/  ${plural(s.bodies.files, 'body file')}, ${formatBytes(s.bodies.raw)} (gzip ${formatBytes(s.bodies.gzip)})`,
    );
  else lines.push('  article bodies inline in kb.json');
  if (s.assets.files) lines.push(`  ${outLabel}/assets/  ${plural(s.assets.files, 'file')}, ${formatBytes(s.assets.raw)}`);
  lines.push(`built in ${(s.time / 1000).toFixed(2)} s`);
  return lines;
}
