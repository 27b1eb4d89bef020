import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error: plain ESM script without types
import { checkApiDoc, writeReferences } from '../../scripts/api-reference.mjs';

interface Declaration {
  tagName?: string;
  cssParts?: { name: string; description?: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const manifest = (): Manifest => JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const doc = () => readFileSync('docs/api.md', 'utf8');
const declaration = (m: Manifest, tag: string) => m.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.tagName === tag)!;
const tags = (m: Manifest) => m.modules.flatMap((mod) => mod.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
/** A document with an empty reference for every element: all that writeReferences requires. */
const skeleton = (m: Manifest, prose: string) =>
  tags(m)
    .map((tag) => `### <${tag}>\n\n${prose}\n\n<!-- reference ${tag}: generated -->\nold text\n<!-- /reference ${tag} -->\n\nAfter ${tag}.`)
    .join('\n\n');

test('docs/api.md: the element reference is what custom-elements.json says (npm run analyze writes it)', () => {
  assert.equal(checkApiDoc(), null);
});

test('docs/api.md: a reference that no longer matches the elements is caught', () => {
  const changed = manifest();
  declaration(changed, 'kb-search').cssParts!.push({ name: 'new-part', description: 'A part added to the element.' });
  assert.match(checkApiDoc(doc(), changed) ?? '', /stale: run npm run analyze/);
});

test('every element has its attributes, properties, methods, events, slots, parts and CSS properties in the reference', () => {
  const text = doc();
  for (const [tag, expected] of [
    [
      'kb-search',
      [
        '| `article-url` | `.articleUrl` |',
        '| `.knowledgeBase` |',
        '| `search(query)` |',
        '| `kb-no-results` |',
        '| `option-active` |',
        '| `--kb-search-popup-max-height` |',
      ],
    ],
    ['kb-help', ['| `contact` |', '| `focusSearch()` |', '| `kb-contact` |']],
    ['kb-launcher', ['| `preload` |', '| `KbLauncher.loadElements` |', '| `kb-launcher-open` |']],
  ] as const) {
    const start = text.indexOf(`<!-- reference ${tag}:`);
    const section = text.slice(start, text.indexOf(`<!-- /reference ${tag} -->`));
    for (const row of expected) assert.ok(section.includes(row), `<${tag}>'s reference has ${row}`);
  }
});

test('only the text between the markers is written; the prose around it stays', () => {
  const m = manifest();
  const written: string = writeReferences(skeleton(m, 'Hand-written: keep me.'), m);
  assert.doesNotMatch(written, /old text/);
  for (const tag of tags(m)) {
    assert.match(
      written,
      new RegExp(`### <${tag}>\\n\\nHand-written: keep me\\.\\n\\n<!-- reference ${tag}: generated -->\\n\\nGenerated from`),
    );
    assert.match(written, new RegExp(`<!-- /reference ${tag} -->\\n\\nAfter ${tag}\\.`));
  }
  assert.equal(writeReferences(written, m), written, 'writing again changes nothing');
});

test('an element without a reference, a reference without an element, or an unclosed one is an error', () => {
  const m = manifest();
  const full = skeleton(m, '');
  const withoutTip = full.replace(/<!-- reference kb-tip: generated -->\nold text\n<!-- \/reference kb-tip -->/, '');
  assert.throws(() => writeReferences(withoutTip, m), /no reference for <kb-tip>/);
  assert.throws(
    () => writeReferences(`${full}\n<!-- reference kb-gone: x -->\n<!-- /reference kb-gone -->`, m),
    /<kb-gone>, which custom-elements.json does not declare/,
  );
  assert.throws(() => writeReferences(full.replace('<!-- /reference kb-tip -->', ''), m), /<kb-tip> has no closing/);
});
