/** Command-line arguments of `kb-elements`. */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { globProblem } from './glob';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
type ParsedCommandLine<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof nodeParseArgs<{ args: string[]; options: T; allowPositionals: true; allowNegative: true; strict: true }>
>;

export const USAGE = `Usage: kb-elements build <content-dir> --out <dir> [options]
       kb-elements collect --data <dir> [options]        (help: kb-elements collect --help)
       kb-elements insights <data-dir> --out <file.html>  (help: kb-elements insights --help)

Builds a folder of Markdown articles into a knowledge-base bundle (kb.json, body files, assets).

Options:
  --out, -o <dir>     where to write the bundle (required)
  --split             always write article bodies to their own files
  --no-split          always keep article bodies inside kb.json
                      (default: split when the bodies add up to more than 256 KB)
  --strict            warnings count as errors (exit code 1)
  --force             write the bundle even when the build fails (errors, or warnings
                      with --strict); without it the output folder is left as it was
  --watch, -w         rebuild when the content changes
  --base-url <url>    base URL for the bundle's assets and body files (overrides kb.config)
  --exclude <glob>    leave out files or folders that are not articles, e.g. 'drafts/**',
                      'README.md', '**/_template*.md' (relative to <content-dir>; quote it;
                      repeat for more; added to kb.config's "exclude")
  --views <file>      view counts by article id (views.json from kb-elements insights)
                      instead of front matter "views" (overrides kb.config's "views")
  --verbose           also list notes (drafts left out, files not used), every message,
                      and the stack of a failure of the build itself
  --quiet, -q         print only errors and warnings
  --help, -h          show this help
  --version           show the version

Exit codes: 0 built (warnings allowed), 1 errors in the content (or warnings with --strict;
nothing is written unless --force), 2 wrong usage, a content folder that does not exist, or
output that cannot be written.`;

export interface CliOptions {
  command: 'build' | 'help' | 'version';
  contentDir: string;
  outDir: string;
  split: boolean | 'auto';
  strict: boolean;
  /** Write the bundle even when the build fails. */
  force: boolean;
  watch: boolean;
  verbose: boolean;
  quiet: boolean;
  baseUrl?: string;
  /** `--exclude` patterns, in the order given. */
  exclude: string[];
  /** `--views`: a views.json file. */
  views?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The options of `kb-elements build`, for `node:util` `parseArgs` (`--no-split` is the negation of `--split`). */
const BUILD_OPTIONS = {
  out: { type: 'string', short: 'o' },
  split: { type: 'boolean' },
  strict: { type: 'boolean' },
  force: { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  'base-url': { type: 'string' },
  exclude: { type: 'string', multiple: true },
  views: { type: 'string' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

/**
 * `node:util` `parseArgs` (long and short options, `--x=value`, `-qw`, `--no-<flag>`, `--`),
 * with our own wording for what is wrong, thrown as a `UsageError`: `unknown option --fast`,
 * `--out needs a value` (also when the next argument is another option), `--strict takes no value`.
 */
export function parseCommandLine<T extends ParseArgsOptionsConfig>(argv: string[], options: T): ParsedCommandLine<T> {
  const config = { args: argv, options, allowPositionals: true, allowNegative: true } as const;
  for (const token of nodeParseArgs({ ...config, strict: false, tokens: true }).tokens) {
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    const negated = token.rawName.startsWith('--no-') && token.rawName !== `--${token.name}`;
    if (!option || (negated && option.type !== 'boolean')) throw new UsageError(`unknown option ${token.rawName}`);
    if (option.type === 'boolean' && token.inlineValue) throw new UsageError(`${token.rawName} takes no value`);
    if (
      option.type === 'string' &&
      (token.value === undefined || (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')))
    ) {
      throw new UsageError(`${token.rawName} needs a value`);
    }
  }
  return nodeParseArgs({ ...config, strict: true });
}

export function parseArgs(argv: string[]): CliOptions {
  const { values, positionals } = parseCommandLine(argv, BUILD_OPTIONS);
  const base = { contentDir: '', outDir: '', split: 'auto' as const, exclude: [] };
  const flags = { strict: false, force: false, watch: false, verbose: false, quiet: false };
  if (values.help) return { command: 'help', ...base, ...flags };
  if (values.version) return { command: 'version', ...base, ...flags };
  for (const pattern of values.exclude ?? []) {
    const problem = globProblem(pattern);
    if (problem) throw new UsageError(`--exclude "${pattern}" ${problem}`);
  }
  const [command, contentDir, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command: kb-elements build <content-dir> --out <dir>');
  if (command !== 'build') throw new UsageError(`unknown command "${command}" (the commands are "build", "collect" and "insights")`);
  if (!contentDir) throw new UsageError('missing <content-dir>');
  if (rest.length) {
    // `--exclude drafts/*` unquoted: the shell passed the matching files instead of the pattern.
    const hint = values.exclude?.length
      ? ` (quote --exclude patterns, or the shell replaces them with the files they match: --exclude 'drafts/**')`
      : '';
    throw new UsageError(`unexpected argument "${rest[0]}"${hint}`);
  }
  if (!values.out) throw new UsageError('missing --out <dir>');
  return {
    command: 'build',
    contentDir,
    outDir: values.out,
    split: values.split ?? 'auto',
    strict: values.strict ?? false,
    force: values.force ?? false,
    watch: values.watch ?? false,
    verbose: values.verbose ?? false,
    quiet: values.quiet ?? false,
    baseUrl: values['base-url'],
    exclude: values.exclude ?? [],
    views: values.views,
  };
}
