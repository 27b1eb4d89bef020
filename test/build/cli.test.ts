import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, projectRoot, tempContent, tempDir, waitUntil } from './helpers';

const CLI = ['--import', 'tsx', 'src/build/cli.ts'];
// Not annotated for GitHub Actions even when the tests run there (one test turns it on).
const env = { ...process.env, GITHUB_ACTIONS: '' };
const run = (...args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { cwd: projectRoot, encoding: 'utf8', env });

/** The same `main` in this process: most behaviour is tested here, a subprocess costs seconds. */
async function runHere(...args: string[]) {
  const { main } = await import('../../src/build/cli');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await main(args, { out: (line) => stdout.push(line), err: (line) => stderr.push(line) });
  return { status, stdout: stdout.map((l) => `${l}\n`).join(''), stderr: stderr.map((l) => `${l}\n`).join('') };
}

/** Stops a `--watch` child and waits until it has exited (so it writes nothing into a removed folder). */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  await exited;
}

describe('kb-elements build (CLI)', () => {
  it('builds, prints a summary with sizes, raw and gzip, and exits 0 with warnings', () => {
    const out = tempDir();
    const result = run('build', fixture('basic'), '--out', out);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /5 articles, 4 categories, 0 errors, 10 warnings/);
    assert.match(result.stdout, /kb\.json {2}[\d.]+ kB \(gzip [\d.]+ (kB|B)\), search index/);
    assert.match(result.stdout, /built in \d+\.\d\d s/);
    assert.match(result.stderr, /test\/fixtures\/content\/basic\/01-start\/welcome\.md:16: warning: article "nothing-here\.md" not found/);
    assert.match(result.stderr, /3 notes .*--verbose/);
    assert.ok(existsSync(join(out, 'kb.json')));
  });

  it('exits 1 on content errors and leaves the output folder as it was, unless --force', async () => {
    const out = tempDir();
    const result = run('build', fixture('bad'), '--out', out);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /invalid-yaml\.md:4: error: front matter is not valid YAML/);
    assert.match(result.stderr, /build failed: 2 error\(s\); nothing was written, .* is as it was \(--force writes a failed build\)/);
    assert.match(result.stdout, /2 errors, \d+ warnings \(not written: the build failed, .* is as it was\)/);
    assert.ok(!existsSync(join(out, 'kb.json')));
    const forced = await runHere('build', fixture('bad'), '--out', out, '--force');
    assert.equal(forced.status, 1);
    assert.match(forced.stderr, /build failed: 2 error\(s\); the bundle was written anyway \(--force\)/);
    assert.ok(existsSync(join(out, 'kb.json')));
  });

  it('writes GitHub Actions annotations when run there', async () => {
    const before = process.env.GITHUB_ACTIONS;
    process.env.GITHUB_ACTIONS = 'true';
    const result = await runHere('build', 'test/fixtures/content/bad', '--out', tempDir()).finally(() => {
      if (before === undefined) delete process.env.GITHUB_ACTIONS;
      else process.env.GITHUB_ACTIONS = before;
    });
    assert.match(result.stdout, /^::error file=test\/fixtures\/content\/bad\/invalid-yaml\.md,line=4::front matter is not valid YAML/m);
    assert.match(result.stdout, /^::warning file=test\/fixtures\/content\/bad\/empty\.md::empty file/m);
  });

  it('exits 1 on warnings with --strict', async () => {
    const result = await runHere('build', fixture('basic'), '--out', tempDir(), '--strict', '--quiet');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /10 warning\(s\) with --strict/);
    assert.equal(result.stdout, '');
  });

  it('exits 2 for a content folder that does not exist, or an empty one gives 1', async () => {
    const missing = run('build', 'no/such/folder', '--out', tempDir());
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /content folder not found: no\/such\/folder/);
    const empty = await runHere('build', tempContent(), '--out', tempDir());
    assert.equal(empty.status, 1);
    assert.match(empty.stderr, /error: no Markdown articles/);
  });

  it('exits 2 with the usage for wrong arguments, 0 for --help', async () => {
    for (const args of [
      [],
      ['build'],
      ['build', 'x'],
      ['publish', 'x', '--out', 'y'],
      ['build', 'x', '--out', 'y', '--fast'],
      ['build', 'x', '--out'],
    ]) {
      const result = await runHere(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /Usage: kb-elements build/);
    }
    const help = await runHere('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Exit codes/);
  });

  it('says what is wrong with an option', async () => {
    const { parseArgs } = await import('../../src/build/cli-args');
    const wrong: [string[], string][] = [
      [['build', 'x', '--out', 'y', '--fast'], 'unknown option --fast'],
      [['build', 'x', '--out', 'y', '-x'], 'unknown option -x'],
      [['build', 'x', '--out', 'y', '--no-out'], 'unknown option --no-out'],
      [['build', 'x', '--out'], '--out needs a value'],
      [['build', 'x', '-o'], '-o needs a value'],
      [['build', 'x', '--out', '--strict'], '--out needs a value'],
      [['build', 'x', '--out', 'y', '--strict=yes'], '--strict takes no value'],
      [
        ['build', 'x', '--out', 'y', '--exclude', '../up/**'],
        '--exclude "../up/**" goes outside the content folder (".."); patterns are relative to the content folder',
      ],
      [['build', 'x', 'z', '--out', 'y'], 'unexpected argument "z"'],
    ];
    for (const [args, message] of wrong) assert.throws(() => parseArgs(args), { name: 'UsageError', message }, args.join(' '));
    const result = await runHere('build', 'x', '--out', 'y', '--fast');
    assert.match(result.stderr, /^kb-elements: unknown option --fast\n\nUsage: kb-elements build/);
  });

  it('reads short options together, --x=value, the last of --split and --no-split, and "--"', async () => {
    const { parseArgs } = await import('../../src/build/cli-args');
    const options = parseArgs([
      'build',
      'c',
      '-qwo',
      'out',
      '--base-url=https://cdn.example/help/',
      '--split',
      '--no-split',
      '--views',
      'v.json',
    ]);
    assert.deepEqual(
      {
        quiet: options.quiet,
        watch: options.watch,
        outDir: options.outDir,
        baseUrl: options.baseUrl,
        split: options.split,
        views: options.views,
      },
      { quiet: true, watch: true, outDir: 'out', baseUrl: 'https://cdn.example/help/', split: false, views: 'v.json' },
    );
    assert.equal(parseArgs(['build', 'c', '--out', 'o', '--no-split', '--split']).split, true);
    assert.equal(parseArgs(['build', 'c', '--out', 'o']).split, 'auto');
    assert.equal(parseArgs(['build', '--out', 'o', '--', '-content']).contentDir, '-content');
    assert.equal(parseArgs(['build', 'c', '--out', '-']).outDir, '-');
    assert.equal(parseArgs(['--version']).command, 'version');
    assert.equal(parseArgs(['build', '-h']).command, 'help');
  });

  it('--split writes body files, --verbose lists notes', async () => {
    const out = tempDir();
    const result = await runHere('build', fixture('basic'), '--out', out, '--split', '--verbose');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /articles\/ {2}5 body files/);
    assert.equal(readdirSync(join(out, 'articles')).length, 5);
    assert.match(result.stderr, /files\/unused\.txt: info: not a Markdown article/);
  });

  it('--base-url the elements would refuse is wrong usage (exit 2), before anything is built', async () => {
    const out = tempDir();
    const result = await runHere('build', fixture('basic'), '--out', out, '--base-url', 'https://cdn.example.com/help/#x');
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /^kb-elements: --base-url "https:\/\/cdn\.example\.com\/help\/#x" holds "\?" or "#"\. It must be an http: or https: URL/,
    );
    assert.ok(!existsSync(join(out, 'kb.json')));
    const good = await runHere('build', fixture('basic'), '--out', out, '--base-url=https://cdn.example.com/help/', '--quiet');
    assert.equal(good.status, 0, good.stderr);
    assert.equal(JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8')).meta.baseUrl, 'https://cdn.example.com/help/');
  });

  it('--watch prints "watching" once every folder is watched: a change deep in it, made at once, is rebuilt', async () => {
    const content = tempContent({ 'a.md': '# First title\n\nText.\n', 'guide/setup/mail/b.md': '# B\n' });
    const out = tempDir();
    const child = spawn(process.execPath, [...CLI, 'build', content, '--out', out, '--watch'], { cwd: projectRoot, env });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const waitFor = (check: () => boolean, what: string) => waitUntil(check, what, () => `output so far:\n${stdout}`);
    try {
      await waitFor(() => stdout.includes('watching'), 'watching');
      writeFileSync(join(content, 'guide/setup/mail/b.md'), '# B, edited\n');
      await waitFor(() => readFileSync(join(out, 'kb.json'), 'utf8').includes('B, edited'), 'rebuilt');
      assert.match(stdout, /change in guide\/setup\/mail\/b\.md: rebuilding/);
      writeFileSync(join(content, 'a.md'), '# Second title\n\nText.\n');
      await waitFor(() => readFileSync(join(out, 'kb.json'), 'utf8').includes('Second title'), 'rebuilt again');
      assert.match(stdout, /change in a\.md: rebuilding/);
    } finally {
      await stop(child);
    }
  });
});

describe('kb-elements build --exclude', () => {
  const content = () =>
    tempContent({
      'kb.config.json': '{ "exclude": ["README.md"] }',
      'README.md': '# How to write\n',
      'guide/a.md': '# A\n\nSee [the draft](../drafts/b.md).\n',
      'drafts/b.md': '# B\n',
      'guide/a.draft.md': '# A, next version\n',
    });

  it('parses repeated --exclude (and --exclude=), in order', async () => {
    const { parseArgs } = await import('../../src/build/cli-args');
    assert.deepEqual(parseArgs(['build', 'c', '--out', 'o', '--exclude', 'drafts/**', '--exclude=**/*.draft.md']).exclude, [
      'drafts/**',
      '**/*.draft.md',
    ]);
    assert.deepEqual(parseArgs(['build', 'c', '--out', 'o']).exclude, []);
  });

  it("adds the flags' patterns to kb.config's, and reports the link to the excluded article", async () => {
    const out = tempDir();
    const result = await runHere('build', content(), '--out', out, '--exclude', 'drafts/**', '--exclude', '**/*.draft.md', '--verbose');
    assert.equal(result.status, 0, result.stderr);
    const bundle = JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8'));
    assert.deepEqual(
      bundle.articles.map((a: { id: string }) => a.id),
      ['guide-a'],
    );
    assert.match(
      result.stderr,
      /guide\/a\.md:3: warning: link to "\.\.\/drafts\/b\.md": drafts\/b\.md is excluded by "drafts\/\*\*" \(--exclude\), so the link is shown as text/,
    );
    assert.match(result.stderr, /kb\.config\.json:1: info: exclude pattern "README\.md" \(kb\.config\.json\) left out 1 file/);
    assert.match(result.stdout, /^1 article, 1 category, 0 errors, 1 warning$/m);
  });

  it('warns about a flag that matches nothing (a warning, so --strict fails)', async () => {
    const result = await runHere('build', content(), '--out', tempDir(), '--exclude', 'draft/**', '--strict', '--quiet');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /: warning: exclude pattern "draft\/\*\*" \(--exclude\) matches no file/);
  });

  it('rejects a bad pattern as wrong usage, and hints at quoting when the shell expanded one', async () => {
    const bad: [string, RegExp][] = [
      ['/abs/**', /--exclude "\/abs\/\*\*" is an absolute path/],
      ['../x', /--exclude "\.\.\/x" goes outside the content folder/],
      ['', /--exclude "" is empty/],
    ];
    for (const [pattern, message] of bad) {
      const result = await runHere('build', 'c', '--out', 'o', `--exclude=${pattern}`);
      assert.equal(result.status, 2, pattern);
      assert.match(result.stderr, message);
    }
    const expanded = await runHere('build', 'c', '--exclude', 'c/drafts/a.md', 'c/drafts/b.md', '--out', 'o');
    assert.equal(expanded.status, 2);
    assert.match(expanded.stderr, /unexpected argument "c\/drafts\/b\.md" \(quote --exclude patterns/);
    assert.match((await runHere('--help')).stdout, /--exclude <glob>/);
  });

  it("--watch skips changes to excluded files, and follows a change of kb.config's exclude", async () => {
    const dir = content();
    const out = tempDir();
    const child = spawn(process.execPath, [...CLI, 'build', dir, '--out', out, '--watch', '--exclude', 'drafts/**', '--verbose'], {
      cwd: projectRoot,
      env,
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const waitFor = (check: () => boolean, what: string) => waitUntil(check, what, () => `output so far:\n${stdout}`);
    const articles = () =>
      JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8'))
        .articles.map((a: { title: string }) => a.title)
        .sort();
    try {
      await waitFor(() => stdout.includes('watching'), 'watching');
      // Changes to excluded files are seen and skipped (said with --verbose): no rebuild.
      writeFileSync(join(dir, 'README.md'), '# How to write, edited\n');
      writeFileSync(join(dir, 'drafts/b.md'), '# B, edited\n');
      await waitFor(
        () => /^README\.md changed: not rebuilt, it is excluded by "README\.md" \(kb\.config\.json\)$/m.test(stdout),
        'README.md skipped',
      );
      await waitFor(
        () => /^drafts\/b\.md changed: not rebuilt, it is excluded by "drafts\/\*\*" \(--exclude\)$/m.test(stdout),
        'drafts/b.md skipped',
      );
      // Then a real change: exactly one rebuild, for it alone.
      writeFileSync(join(dir, 'guide/a.md'), '# A, edited\n\nSee [the draft](../drafts/b.md).\n');
      await waitFor(() => articles().includes('A, edited'), 'rebuilt with guide/a.md');
      assert.deepEqual(stdout.match(/change in .*: rebuilding/g), ['change in guide/a.md: rebuilding']);
      assert.deepEqual(articles(), ['A, edited', 'A, next version'], 'the excluded files are still left out');
      writeFileSync(join(dir, 'kb.config.json'), '{ "exclude": [] }');
      await waitFor(() => articles().includes('How to write, edited'), 'rebuilt with README.md');
      assert.match(stdout, /change in kb\.config\.json: rebuilding/);
      assert.deepEqual(articles(), ['A, edited', 'A, next version', 'How to write, edited'], '--exclude still applies');
      writeFileSync(join(dir, 'README.md'), '# How to write, again\n');
      await waitFor(() => articles().includes('How to write, again'), 'README.md is content now');
    } finally {
      await stop(child);
    }
  });
});

describe('kb-elements build (in process)', () => {
  it('shows progress on large builds', async () => {
    const { main } = await import('../../src/build/cli');
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`topic-${i % 10}/page-${i}.md`] = `# Page ${i}\n\nText ${i}.\n`;
    const progress: string[] = [];
    const out: string[] = [];
    const code = await main(['build', tempContent(files), '--out', tempDir()], {
      out: (l) => out.push(l),
      err: () => {},
      progress: (l) => progress.push(l),
    });
    assert.equal(code, 0);
    assert.ok(progress.length >= 2 && progress.length <= 101, String(progress.length));
    assert.equal(progress.at(-1), 'reading articles: 1,000/1,000 (100%)');
    assert.match(out[0], /^1,000 articles, 10 categories, 0 errors, 0 warnings$/);
  });
});
