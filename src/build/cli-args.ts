/** Command-line arguments of `kb-elements`. */
import { globProblem } from './glob';

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

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { command: 'build', contentDir: '', outDir: '', split: 'auto', strict: false, force: false, watch: false, verbose: false, quiet: false, exclude: [] };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || (inline === undefined && next.startsWith('-'))) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { ...options, command: 'help' };
      case '--version':
        return { ...options, command: 'version' };
      case '--out':
      case '-o':
        options.outDir = value();
        break;
      case '--split':
        options.split = true;
        break;
      case '--no-split':
        options.split = false;
        break;
      case '--strict':
        options.strict = true;
        break;
      case '--force':
        options.force = true;
        break;
      case '--watch':
      case '-w':
        options.watch = true;
        break;
      case '--verbose':
        options.verbose = true;
        break;
      case '--quiet':
      case '-q':
        options.quiet = true;
        break;
      case '--base-url':
        options.baseUrl = value();
        break;
      case '--views':
        options.views = value();
        break;
      case '--exclude': {
        const pattern = value();
        const problem = globProblem(pattern);
        if (problem) throw new UsageError(`--exclude "${pattern}" ${problem}`);
        options.exclude.push(pattern);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${flag}`);
        positional.push(arg);
    }
  }
  const [command, contentDir, ...rest] = positional;
  if (command === undefined) throw new UsageError('missing command: kb-elements build <content-dir> --out <dir>');
  if (command !== 'build') throw new UsageError(`unknown command "${command}" (the commands are "build", "collect" and "insights")`);
  if (!contentDir) throw new UsageError('missing <content-dir>');
  if (rest.length) {
    // `--exclude drafts/*` unquoted: the shell passed the matching files instead of the pattern.
    const hint = options.exclude.length ? ` (quote --exclude patterns, or the shell replaces them with the files they match: --exclude 'drafts/**')` : '';
    throw new UsageError(`unexpected argument "${rest[0]}"${hint}`);
  }
  if (!options.outDir) throw new UsageError('missing --out <dir>');
  return { ...options, contentDir };
}
