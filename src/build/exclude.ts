/**
 * The `exclude` patterns (kb.config, `--exclude`, the Vite plugin's option): files and
 * folders in the content folder that are not content. A pattern that matches a folder leaves
 * out everything in it. Patterns are globs (./glob), relative to the content folder.
 */
import { CONFIG_FILES } from './content-tree';
import type { DiagnosticList } from './diagnostics';
import { compileGlob, globProblem, normalizeGlob } from './glob';

export interface ExcludePattern {
  pattern: string;
  /** Where it was written, for messages: `kb.config.json`, `--exclude`, ... */
  origin: string;
  /** The file messages about it point at (`''`: the content folder), and its line there. */
  file: string;
  line?: number;
}

export interface ExcludeRule extends ExcludePattern {
  matches: (path: string) => boolean;
  /** Files the last walk left out because of this pattern. */
  files: number;
  /** Matched something the walk skips anyway (a `.`-folder, `node_modules`). */
  skipped: boolean;
}

/** Patterns given to the build (CLI, plugin, API) rather than written in kb.config. */
export function optionPatterns(patterns: readonly string[] | undefined, origin: string): ExcludePattern[] {
  return (patterns ?? []).map((pattern) => ({ pattern, origin, file: '' }));
}

/** The problem with an `exclude` option given in code or on the command line, as one sentence, or undefined. */
export function excludeOptionProblem(patterns: unknown, name: string): string | undefined {
  if (patterns === undefined) return undefined;
  if (!Array.isArray(patterns)) return `${name} must be a list of glob patterns (strings)`;
  for (const pattern of patterns) {
    if (typeof pattern !== 'string') return `${name}: ${JSON.stringify(pattern) ?? String(pattern)} is not a text; patterns are strings`;
    const problem = globProblem(pattern);
    if (problem) return `${name} pattern "${pattern}" ${problem}`;
  }
  return undefined;
}

export class ExcludeRules {
  readonly rules: ExcludeRule[];

  /** Patterns with a problem are reported as errors and left out. */
  constructor(patterns: ExcludePattern[], diagnostics?: DiagnosticList) {
    this.rules = [];
    for (const entry of patterns) {
      const problem = globProblem(entry.pattern);
      if (problem)
        diagnostics?.error(
          'exclude-pattern',
          entry.file,
          `exclude pattern "${entry.pattern}" (${entry.origin}) ${problem}; ignored it.`,
          entry.line,
        );
      else this.rules.push({ ...entry, matches: compileGlob(entry.pattern), files: 0, skipped: false });
    }
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** The rules that match this path itself (a file or a folder), not counting its folders. */
  matching(path: string): ExcludeRule[] {
    return this.rules.filter((rule) => rule.matches(path));
  }

  /** The first pattern that leaves out this path, or one of the folders it is in. */
  match(path: string): ExcludeRule | undefined {
    if (this.empty) return undefined;
    for (let at = path.length; at > 0; at = path.lastIndexOf('/', at - 1)) {
      const found = this.rules.find((rule) => rule.matches(path.slice(0, at)));
      if (found) return found;
    }
    return undefined;
  }

  /** A change to this file (relative, `/`-separated) cannot change the bundle. kb.config always can. */
  ignoresChange(path: string): boolean {
    return !CONFIG_FILES.includes(path) && this.match(path) !== undefined;
  }

  /** A note for each pattern that left files out, a warning for each that matched nothing. */
  report(diagnostics: DiagnosticList): void {
    for (const rule of this.rules) {
      if (rule.files)
        diagnostics.info(
          'excluded',
          rule.file,
          `exclude pattern "${rule.pattern}" (${rule.origin}) left out ${rule.files} file(s).`,
          rule.line,
        );
      else if (!rule.skipped) {
        const hint =
          normalizeGlob(rule.pattern).includes('/') || rule.pattern.startsWith('**')
            ? ''
            : ` (patterns match the whole path from the content folder: "**/${normalizeGlob(rule.pattern)}" matches it in every folder)`;
        diagnostics.warn(
          'exclude-unmatched',
          rule.file,
          `exclude pattern "${rule.pattern}" (${rule.origin}) matches no file${hint}.`,
          rule.line,
        );
      }
    }
  }
}

/** `excluded by "drafts/**" (kb.config.json)`: why a file is not content. */
export function excludedReason(rule: ExcludePattern): string {
  return `excluded by "${rule.pattern}" (${rule.origin})`;
}
