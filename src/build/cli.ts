#!/usr/bin/env node
/**
 * `kb-elements build <content-dir> --out <dir> [--split] [--strict] [--watch]`, and the
 * analytics commands `kb-elements collect` and `kb-elements insights` (their own modules).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrlProblem } from '../core/bundle-format';
import { buildBundle, OutputFolderError, type BuildResult } from './build-bundle';
import { BuildCache } from './build-cache';
import { BASE_URL_HINT } from './config';
import { parseArgs, USAGE, UsageError, type CliOptions } from './cli-args';
import { ContentFolderError } from './collect';
import { runCollectCommand } from './collector/collect-command';
import { runInsightsCommand } from './insights/insights-command';
import { excludedReason, type ExcludeRules } from './exclude';
import { diagnosticLines, githubAnnotations, summaryLines } from './report';
import { watchContent } from './watch-content';

/** Builds at least this many Markdown files show progress. */
const PROGRESS_FROM = 1000;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress line that the next one replaces (a terminal), or undefined to print none. */
  progress?: (text: string) => void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
    else process.stderr.write(`${text}\n`);
  },
};

/** Runs the CLI; resolves with the exit code (never, while watching). */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv[0] === 'collect') return runCollectCommand(argv.slice(1), io);
  if (argv[0] === 'insights') return runInsightsCommand(argv.slice(1), io);
  let options: CliOptions;
  try {
    options = parseArgs(argv);
    const baseUrlError = options.baseUrl === undefined ? undefined : baseUrlProblem(options.baseUrl);
    if (baseUrlError) throw new UsageError(`--base-url ${JSON.stringify(options.baseUrl)} ${baseUrlError}. ${BASE_URL_HINT}`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`kb-elements: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (options.command === 'version') {
    io.out(readVersion());
    return 0;
  }
  const cache = options.watch ? new BuildCache() : undefined;
  const { code, result } = await buildOnce(options, io, cache);
  if (!options.watch || code === 2) return code;
  return watchAndRebuild(options, io, cache, result?.collected.exclude);
}

async function buildOnce(options: CliOptions, io: CliIo, cache?: BuildCache): Promise<{ code: number; result?: BuildResult }> {
  const contentLabel = label(options.contentDir);
  const outLabel = label(options.outDir);
  let lastStep = -1;
  const onProgress = (done: number, total: number) => {
    if (total < PROGRESS_FROM || !io.progress) return;
    const step = Math.floor((done / total) * (process.stderr.isTTY ? 100 : 5));
    if (step === lastStep && done !== total) return;
    lastStep = step;
    io.progress(`reading articles: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.floor((done / total) * 100)}%)`);
    if (done === total && process.stderr.isTTY) process.stderr.write('\n');
  };
  let result: BuildResult;
  try {
    const { contentDir, outDir, split, strict, force, baseUrl, exclude, views } = options;
    result = await buildBundle({
      contentDir,
      outDir,
      split,
      strict,
      force,
      baseUrl,
      exclude,
      excludeOrigin: '--exclude',
      views,
      onProgress,
      cache,
    });
  } catch (error) {
    if (error instanceof ContentFolderError) {
      io.err(`kb-elements: ${error.message}`);
      return { code: 2 };
    }
    if (error instanceof OutputFolderError) {
      io.err(`kb-elements: cannot write ${outLabel}: ${error.message}`);
      return { code: 2 };
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOSPC') {
      io.err(`kb-elements: cannot write ${outLabel}: ${(error as Error).message}`);
      return { code: 2 };
    }
    io.err(
      `kb-elements: the build itself failed: ${(error as Error).message ?? error}${options.verbose ? `\n${(error as Error).stack ?? ''}` : ' (run with --verbose for the stack)'}`,
    );
    return { code: 2 };
  }
  for (const line of diagnosticLines(result.diagnostics, {
    verbose: options.verbose,
    contentLabel,
    notesHint: 'run with --verbose to list',
  }))
    io.err(line);
  if (process.env.GITHUB_ACTIONS === 'true') for (const line of githubAnnotations(result.diagnostics, contentLabel)) io.out(line);
  if (!options.quiet) for (const line of summaryLines(result, outLabel)) io.out(line);
  if (!result.ok) {
    const why = result.stats.errors ? `${result.stats.errors} error(s)` : `${result.stats.warnings} warning(s) with --strict`;
    const what = result.written
      ? 'the bundle was written anyway (--force); fix these before publishing'
      : `nothing was written, ${outLabel} is as it was (--force writes a failed build)`;
    io.err(`kb-elements: build failed: ${why}; ${what}`);
    return { code: 1, result };
  }
  return { code: 0, result };
}

/** A path as the user will recognise it: relative below the working folder, absolute elsewhere. */
function label(path: string): string {
  const absolute = resolve(path);
  const shown = relative(process.cwd(), absolute);
  return shown === '' ? '.' : shown.startsWith('..') ? absolute : shown;
}

/**
 * Rebuilds 100 ms after the last change. `exclude`: the patterns of the last build (kb.config's
 * may change); a change to what they match cannot change the bundle (said with --verbose).
 */
async function watchAndRebuild(options: CliOptions, io: CliIo, cache?: BuildCache, exclude?: ExcludeRules): Promise<number> {
  const content = resolve(options.contentDir);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const onChange = (file: string) => {
    const rule = exclude?.ignoresChange(file) ? exclude.match(file) : undefined;
    if (rule) {
      if (options.verbose) io.out(`${file} changed: not rebuilt, it is ${excludedReason(rule)}`);
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.out(`\nchange in ${file || 'content'}: rebuilding`);
        exclude = (await buildOnce(options, io, cache)).result?.collected.exclude ?? exclude;
      });
    }, 100);
  };
  const watcher = await watchContent(content, options.outDir, onChange, (error) => io.err(`kb-elements: watching: ${error.message}`));
  // Only now: every folder is watched.
  io.out(`watching ${label(content)} for changes (Ctrl+C to stop)`);
  return new Promise((done) => {
    process.once('SIGINT', () => {
      clearTimeout(timer);
      void watcher.close().finally(() => done(0));
    });
  });
}

function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      // Not there in this layout (src/build or dist/): try the next.
    }
  }
  return 'unknown';
}

/** True when this file is the program (`node cli.js`, or the `kb-elements` bin link to it), not an import. */
function isProgram(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgram()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const verbose = process.argv.includes('--verbose');
      process.stderr.write(
        `kb-elements: ${verbose ? ((error as Error).stack ?? error) : `${(error as Error).message ?? error} (run with --verbose for the stack)`}\n`,
      );
      process.exit(2);
    },
  );
}
