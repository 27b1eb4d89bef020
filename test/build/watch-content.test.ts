import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { watchContent } from '../../src/build/watch-content';
import { tempContent, waitUntil } from './helpers';

it('watches every content folder once ready, and never the output folder, hidden folders or node_modules', async () => {
  const content = tempContent({
    'a.md': '# A\n',
    'guide/deep/b.md': '# B\n',
    'node_modules/pkg/readme.md': '# Not content\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.notes/c.md': '# Hidden folder\n',
    'public/help/kb.json': '{}',
  });
  const changes: string[] = [];
  const errors: Error[] = [];
  const watcher = await watchContent(
    content,
    join(content, 'public/help'),
    (path) => changes.push(path),
    (error) => errors.push(error),
  );
  try {
    // Made right after ready: what is not watched says nothing; the real change comes after them.
    writeFileSync(join(content, 'node_modules/pkg/readme.md'), '# Edited\n');
    writeFileSync(join(content, '.git/HEAD'), 'ref: refs/heads/other\n');
    writeFileSync(join(content, '.notes/c.md'), '# Edited\n');
    writeFileSync(join(content, 'public/help/kb.json'), '{"x":1}');
    writeFileSync(join(content, 'guide/deep/b.md'), '# B, edited\n');
    await waitUntil(
      () => changes.includes('guide/deep/b.md'),
      'the change in guide/deep',
      () => changes.join('\n'),
    );
    // A folder made after the walk is watched too.
    mkdirSync(join(content, 'guide/new'));
    await waitUntil(
      () => changes.includes('guide/new'),
      'the new folder',
      () => changes.join('\n'),
    );
    writeFileSync(join(content, 'guide/new/d.md'), '# D\n');
    await waitUntil(
      () => changes.includes('guide/new/d.md'),
      'a file in the new folder',
      () => changes.join('\n'),
    );
    assert.deepEqual([...new Set(changes)], ['guide/deep/b.md', 'guide/new', 'guide/new/d.md']);
    assert.deepEqual(errors, []);
  } finally {
    await watcher.close();
  }
});
