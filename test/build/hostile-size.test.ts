/**
 * The linear-time budget of the build, guarded with generous limits (the numbers themselves
 * are measured in bench/build): a 4 MB article builds (budget 10 s), an 8 MB paragraph builds
 * or is reported for its file, and hostile shapes that used to rescan the rest of the text for
 * every piece finish in seconds. The article next to each must always come through.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { HOSTILE_SHAPES, proseArticle, repeated, singleParagraph } from '../../bench/build/large-content';
import { createBundle } from '../../src/build/build-bundle';
import { tempContent } from './helpers';

const MB = 1024 * 1024;

async function build(text: string, limitMs: number) {
  const content = tempContent({ 'small.md': '# Small\n\nNext to the large one.\n' });
  writeFileSync(join(content, 'large.md'), text);
  const started = performance.now();
  const result = await createBundle({ contentDir: content });
  const took = performance.now() - started;
  assert.ok(took < limitMs, `took ${Math.round(took)} ms (limit ${limitMs})`);
  const built = result.collected.articles.map((a) => a.source);
  assert.ok(built.includes('small.md'), 'the other article is built');
  return { result, built };
}

describe('large and hostile articles build in linear time', { timeout: 600_000 }, () => {
  it('4 MB of ordinary prose (budget 10 s; it took 95 s and more before)', async () => {
    const { built, result } = await build(proseArticle(4 * MB), 90_000);
    assert.ok(built.includes('large.md'));
    assert.equal(result.stats.errors, 0);
  });

  it('an 8 MB single paragraph builds, or is an error for its file; never a crash', async () => {
    const { built, result } = await build(singleParagraph(8 * MB), 240_000);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.ok(built.includes('large.md') || errors.some((d) => d.file === 'large.md'), JSON.stringify(errors));
  });

  for (const [name, unit] of Object.entries(HOSTILE_SHAPES)) {
    it(`${name}, 256 KB`, async () => {
      await build(repeated(unit, MB / 4), 60_000);
    });
  }
});
