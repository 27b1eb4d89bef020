import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import languages from '../../src/elements/locales/languages.json' with { type: 'json' };
import { languageFileName } from '../../src/elements/locales/file-name';

// Runs after the build (scripts/test.mjs builds first): the languages the package ships,
// as modules for bundlers and as script-tag files next to kb-elements.js.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('languages.json lists exactly the language modules in src/elements/locales', () => {
  const modules = readdirSync('src/elements/locales')
    .filter((name) => /^[a-z]{2,3}\.ts$/.test(name))
    .map((name) => name.slice(0, -3));
  assert.deepEqual([...languages].sort(), modules.sort());
});

test('every language has a package export, types first, and the built files', () => {
  for (const lang of languages) {
    assert.deepEqual(pkg.exports[`./locales/${lang}`], {
      types: `./dist/types/elements/locales/${lang}.d.ts`,
      default: `./dist/locales/${lang}.js`,
    });
    for (const file of [`dist/locales/${lang}.js`, `dist/types/elements/locales/${lang}.d.ts`, `dist/${languageFileName(lang)}`]) {
      assert.ok(existsSync(file), `${file} exists`);
    }
  }
});

test('the language modules pull in neither lit nor the elements', () => {
  for (const lang of languages) {
    const source = readFileSync(`dist/locales/${lang}.js`, 'utf8');
    const imports = [...source.matchAll(/from\s*["']([^"']+)["']/g)].map((m) => m[1]);
    assert.equal(imports.length, 1, `${lang}: one import (the shared registry), got ${imports}`);
    assert.doesNotMatch(imports[0]!, /lit|index/);
  }
});

test('the script-tag language files are small, self-contained classic scripts', () => {
  for (const lang of languages) {
    const source = readFileSync(`dist/${languageFileName(lang)}`, 'utf8');
    assert.doesNotMatch(source, /^\s*(import|export)\s/m, `${lang}: no module syntax`);
    assert.doesNotMatch(source, /lit-html|customElements/, `${lang}: no element code`);
    assert.ok(gzipSync(source).length < 2048, `${lang}: under 2 KiB gzip`);
  }
  // kb-elements.js itself carries English only.
  const single = readFileSync('dist/kb-elements.js', 'utf8');
  assert.doesNotMatch(single, /Hilfeartikel durchsuchen|Helpartikelen doorzoeken/);
});

test('kb-elements/locales/de registers German by its package name, in Node too', async () => {
  const specifier = 'kb-elements/locales/de'; // a variable: the type check runs before dist/ exists
  const module = await import(specifier);
  assert.equal(module.de.retry, 'Erneut versuchen');
  const shared = (globalThis as unknown as Record<symbol, { tables: Map<string, { retry: string }> }>)[Symbol.for('kb-elements.strings')];
  assert.equal(shared?.tables.get('de')?.retry, 'Erneut versuchen');
});
