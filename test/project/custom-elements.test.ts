import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../build/helpers';
// @ts-expect-error: plain ESM script without types
import { checkManifest, freshManifest } from '../../scripts/manifest.mjs';

test('custom-elements.json matches what the analyzer makes of the sources', () => {
  assert.equal(checkManifest(), null);
});

test('a stale custom-elements.json is caught', () => {
  const stale = JSON.parse(freshManifest());
  stale.modules = stale.modules.filter((m: { path: string }) => !m.path.includes('kb-search'));
  const path = join(tempDir(), 'custom-elements.json');
  writeFileSync(path, JSON.stringify(stale, null, 2));
  assert.match(checkManifest(path) ?? '', /stale/);
});

test('package.json points tools at the manifest', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
});
