import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonChunks, SlicedJsonParser } from '../../src/core/json-sliced';

/** `JSON.parse(text)` through the sliced parser, the text arriving as one body. */
function parseJsonSliced(text: string): Promise<unknown> {
  let body: Uint8Array | undefined = new TextEncoder().encode(text);
  return parseJsonChunks(async () => {
    const out = body;
    body = undefined;
    return out;
  });
}

/** Pushes `text` to a parser in pieces of the given lengths (cycled). */
function parseInPieces(text: string, lengths: number[]): unknown {
  const parser = new SlicedJsonParser();
  for (let at = 0, k = 0; at < text.length; k++) {
    const n = lengths[k % lengths.length]!;
    parser.push(text.slice(at, at + n));
    at += n;
  }
  return parser.end();
}

const TRICKY = 'quote " backslash \\ brackets ] } [ { , : unicode é 文 🙂 \u0000 \n';

test('parseJsonSliced gives what JSON.parse gives, for big arrays, big objects and tricky strings', async () => {
  const big = {
    format: 'x',
    articles: Array.from({ length: 3000 }, (_, i) => ({
      id: `a${i}`,
      title: `T "${i}" ] } , [ {`,
      tags: ['x\\', 'y'],
      n: i,
      nested: [[i], { a: null }],
    })),
    empty: [],
    emptyObject: {},
    bodyFiles: Object.fromEntries(
      Array.from({ length: 6000 }, (_, i) => [`id-${i} "} ,{`, { file: `articles/${i}.html`, list: [i, '}'] }]),
    ),
    text: TRICKY,
  };
  const text = JSON.stringify(big, null, 1);
  assert.ok(text.length > 256 * 1024);
  assert.deepEqual(await parseJsonSliced(text), big);
  for (const s of [
    '{}',
    '{"a":[]}',
    '{"o":{}}',
    '{"o":{"a":1,"a":2}}',
    '{"o":{"x":{"y":[{}]}}}',
    ' { "k" : [ "a" , "b" ] } ',
    '{"a":"\\u0041","b":[1,[2,"]"]]}',
    '[1,2]',
    '"x"',
    '3',
  ]) {
    assert.deepEqual(await parseJsonSliced(s), JSON.parse(s), s);
  }
});

test('the text may be cut into pieces anywhere: inside strings, escapes, keys and numbers', () => {
  const docs = [
    { a: [1, 2.5e3, -0, true, null, 'x'], b: { [TRICKY]: TRICKY, '"': ['\\'] }, c: TRICKY, d: -12.75, e: false, f: {} },
    { search: { terms: 'a b c', postings: `${'1,2.3 '.repeat(5)}\\"\\u00e9`, n: 3 } },
  ];
  for (const doc of docs) {
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2)]) {
      for (let cut = 1; cut <= 7; cut++) assert.deepEqual(parseInPieces(text, [cut]), JSON.parse(text), `pieces of ${cut}`);
      for (let at = 1; at < text.length; at++) assert.deepEqual(parseInPieces(text, [at, text.length]), JSON.parse(text), `cut at ${at}`);
    }
  }
});

test('a long string inside a member (a serialized search index) is read a piece at a time, escapes cut between pieces included', () => {
  const postings = Array.from({ length: 20000 }, (_, i) => `${i.toString(36)}.${i % 7}${i % 1000 === 0 ? '\\"é🙂\u2028' : ''}`).join(' ');
  const doc = {
    articles: [{ id: 'x' }],
    search: { format: 'f', docs: 'a b', postings, terms: postings.slice(0, 70_000), n: 1 },
    bodyFiles: { __proto__: 'kept', x: postings },
  };
  const text = JSON.stringify(doc);
  assert.ok(postings.length > 100_000);
  for (const lengths of [[65536], [1000, 7], [333, 1, 2, 4095], [131071]]) {
    const parsed = parseInPieces(text, lengths) as typeof doc;
    assert.deepEqual(parsed, JSON.parse(text));
    assert.deepEqual(Object.keys(parsed.search), ['format', 'docs', 'postings', 'terms', 'n']);
    assert.equal(Object.getPrototypeOf(parsed.bodyFiles), Object.prototype);
  }
  for (const bad of [
    text.replace('"n":1}', '"n":1,}'),
    text.replace(',"terms"', ' "terms"'),
    text.replace('\\"é', '\\xé'),
    text.replace(',"terms"', ',,"terms"'),
  ]) {
    assert.throws(() => parseInPieces(bad, [1000, 7]), SyntaxError);
  }
});

test('parseJsonChunks decodes UTF-8 cut inside a character', async () => {
  const doc = { list: Array.from({ length: 5000 }, (_, i) => ({ t: `é文🙂 ${i}` })), text: 'ü'.repeat(100_000) };
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  for (const size of [997, 65537]) {
    let at = 0;
    const next = async () => {
      if (at >= bytes.length) return undefined;
      const chunk = bytes.subarray(at, at + size);
      at += chunk.length;
      return chunk;
    };
    assert.deepEqual(await parseJsonChunks(next), doc);
  }
});

test('parseJsonSliced rejects malformed JSON like JSON.parse', async () => {
  for (const s of [
    '{"a":1',
    '{"a":[1,2}',
    '',
    '{"a":"unterminated}',
    '{"a":1,}',
    '{"a" 1}',
    '{"a":[1,,2]}',
    '{"a":[1,]}',
    '{"a":{"b":1,}}',
    '{"a":1} x',
    '{1:2}',
    '{"a":01}',
  ]) {
    await assert.rejects(parseJsonSliced(s), SyntaxError, s);
    assert.throws(() => JSON.parse(s), SyntaxError, s);
  }
});

test('malformed JSON is reported at the first bad piece, with its position, not after the whole text', () => {
  const parser = new SlicedJsonParser();
  parser.push('{"articles":[{"id":"a"},');
  assert.throws(
    () => parser.push('{"id":"b"}] "x":1}'),
    (e: unknown) => e instanceof SyntaxError && /position 36/.test(e.message),
  );
});

test('a "__proto__" key in a big object stays a plain key, as with JSON.parse', async () => {
  const entries = Array.from({ length: 20000 }, (_, i) => `"k${i}":"${'v'.repeat(10)}"`);
  const text = `{"__proto__":1,"bodyFiles":{"__proto__":{"polluted":true},${entries.join(',')}}}`;
  const parsed = (await parseJsonSliced(text)) as { bodyFiles: Record<string, unknown> };
  assert.deepEqual(parsed, JSON.parse(text));
  assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
  assert.equal(Object.getPrototypeOf(parsed.bodyFiles), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(parsed.bodyFiles, '__proto__')?.value, { polluted: true });
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
});
