import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

// Runs after `npm run build` (scripts/test.mjs builds first): checks what a user installing
// the package would get.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('every exports entry lists types first and points at a built file', () => {
  for (const [entry, target] of Object.entries<string | Record<string, string>>(pkg.exports)) {
    if (typeof target === 'string') {
      assert.ok(existsSync(target), `${entry} -> ${target} exists`);
      continue;
    }
    assert.equal(Object.keys(target)[0], 'types', `${entry}: types comes first`);
    for (const file of Object.values(target)) assert.ok(existsSync(file), `${entry} -> ${file} exists`);
  }
});

test('kb-elements/core loads in Node (DOM-free) by its package name', async () => {
  // A variable specifier: the type check runs before dist/ exists.
  const specifier = 'kb-elements/core';
  const core = await import(specifier);
  assert.equal(typeof core.BUNDLE_VERSION, 'number');
});

test('the CLI entry is executable and the single-file bundle is there', () => {
  assert.ok(existsSync(pkg.bin['kb-elements']));
  assert.ok(existsSync('dist/kb-elements.js'));
});
