/**
 * Hostile output folders (issue 10): the build writes and deletes only inside `--out`, never
 * through a symbolic link, leaves no staging folder behind, and a failed build does not
 * replace the last good bundle unless forced. The "elsewhere" is a decoy folder of the test.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildBundle, MANIFEST_FILE, OutputFolderError } from '../../src/build/build-bundle';
import { main } from '../../src/build/cli';
import { png, tempContent, tempDir } from './helpers';

const content = () => tempContent({ 'a.md': '# A\n\n![i](i.png)\n', 'i.png': png() });

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Every file below a folder, relative, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

describe('hostile output folders: nothing written or deleted outside --out', () => {
  it('out/kb.json linking elsewhere stops the build (exit 2) and the file it points at is untouched', async () => {
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'app.conf'), 'precious');
    const out = tempDir();
    symlinkSync(join(elsewhere, 'app.conf'), join(out, 'kb.json'));
    await assert.rejects(buildBundle({ contentDir: content(), outDir: out }), (error: Error) => {
      assert.ok(error instanceof OutputFolderError);
      assert.equal(
        error.message,
        `kb.json in the output folder is a symbolic link (to ${join(elsewhere, 'app.conf')}); the build writes only into the output folder itself. Remove the link, or choose another --out.`,
      );
      return true;
    });
    assert.equal(readFileSync(join(elsewhere, 'app.conf'), 'utf8'), 'precious');
    const result = await cli('build', content(), '--out', out);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /kb-elements: cannot write .*: kb\.json in the output folder is a symbolic link/);
    assert.deepEqual(readdirSync(out), ['kb.json'], 'no staging folder left behind');
  });

  it('out/assets linking to a folder elsewhere stops the build before anything is written there', async () => {
    const elsewhere = tempDir();
    const out = tempDir();
    symlinkSync(elsewhere, join(out, 'assets'));
    await assert.rejects(buildBundle({ contentDir: content(), outDir: out }), /assets in the output folder is a symbolic link/);
    assert.deepEqual(readdirSync(elsewhere), []);
    assert.deepEqual(readdirSync(out), ['assets']);
  });

  it("the list of the last build's files never deletes outside --out, through a link, or what is not the build's", async () => {
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'decoy.txt'), 'precious');
    mkdirSync(join(elsewhere, 'nested'));
    writeFileSync(join(elsewhere, 'nested', 'x.png'), 'precious');
    const out = tempDir();
    mkdirSync(join(out, 'own'));
    writeFileSync(join(out, 'own', 'keep.txt'), 'mine');
    symlinkSync(join(elsewhere, 'nested'), join(out, 'linked'));
    writeFileSync(join(out, 'index.html'), 'the site');
    const tampered = [
      '../decoy.txt',
      `${elsewhere}/decoy.txt`,
      'assets/../../decoy.txt',
      'own/keep.txt',
      'linked/x.png',
      '..\\decoy.txt',
      'index.html',
    ];
    writeFileSync(join(out, MANIFEST_FILE), JSON.stringify(tampered));
    const result = await buildBundle({ contentDir: content(), outDir: out });
    assert.equal(result.written, true);
    assert.equal(readFileSync(join(elsewhere, 'decoy.txt'), 'utf8'), 'precious');
    assert.equal(readFileSync(join(elsewhere, 'nested', 'x.png'), 'utf8'), 'precious');
    assert.equal(readFileSync(join(out, 'own', 'keep.txt'), 'utf8'), 'mine');
    assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), 'the site');
    assert.deepEqual(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')), [...result.files.keys()]);
  });

  it('leaves no staging folder, and clears one a killed build left', async () => {
    const out = tempDir();
    mkdirSync(join(out, '.kb-staging-killed'));
    writeFileSync(join(out, '.kb-staging-killed', 'kb.json'), 'half');
    await buildBundle({ contentDir: content(), outDir: out, split: true });
    assert.deepEqual(
      listFiles(out).filter((f) => f.includes('staging')),
      [],
    );
    assert.ok(existsSync(join(out, 'kb.json')));
  });

  it('a write that fails half-way leaves no staging folder, and kb.json (moved last) untouched', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'kb.json'), 'the last good bundle');
    writeFileSync(join(out, 'articles'), 'a file where the body files go');
    await assert.rejects(buildBundle({ contentDir: content(), outDir: out, split: true }), /EEXIST|ENOTDIR/);
    assert.deepEqual(readdirSync(out).sort(), ['articles', 'kb.json']);
    assert.equal(readFileSync(join(out, 'kb.json'), 'utf8'), 'the last good bundle');
  });
});

describe('a failed build does not replace the last good one', () => {
  it('keeps the previous bundle unless forced; the result says whether it was written', async () => {
    const folder = tempContent({ 'a.md': '# Good\n', 'b.md': '# B\n' });
    const out = tempDir();
    const good = await buildBundle({ contentDir: folder, outDir: out, split: true });
    assert.equal(good.written, true);
    const before = listFiles(out).map((f) => `${f} ${readFileSync(join(out, f), 'utf8').length}`);

    writeFileSync(join(folder, 'a.md'), '---\ntitle: [broken\n---\n# Broken\n');
    const failed = await buildBundle({ contentDir: folder, outDir: out, split: true });
    assert.equal(failed.ok, false);
    assert.equal(failed.written, false);
    assert.deepEqual(
      listFiles(out).map((f) => `${f} ${readFileSync(join(out, f), 'utf8').length}`),
      before,
    );

    const forced = await buildBundle({ contentDir: folder, outDir: out, split: true, force: true });
    assert.equal(forced.written, true);
    assert.match(readFileSync(join(out, 'kb.json'), 'utf8'), /Broken/);
  });

  it('with --strict, warnings fail the build the same way', async () => {
    const out = tempDir();
    const result = await cli('build', tempContent({ 'a.md': 'No title here.\n' }), '--out', out, '--strict');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /build failed: 1 warning\(s\) with --strict; nothing was written/);
    assert.deepEqual(readdirSync(out), []);
  });
});
