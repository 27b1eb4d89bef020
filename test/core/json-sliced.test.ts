import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonSliced } from '../../src/core/json-sliced';

test('parseJsonSliced gives what JSON.parse gives, for big arrays, big objects and tricky strings', async () => {
  const big = {
    format: 'x',
    articles: Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, title: `T "${i}" ] } , [ {`, tags: ['x\\', 'y'], n: i, nested: [[i], { a: null }] })),
    empty: [],
    emptyObject: {},
    bodyFiles: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`id-${i} "} ,{`, { file: `articles/${i}.html`, list: [i, '}'] }])),
    text: 'quote " backslash \\ brackets ] } unicode é 文 🙂',
  };
  const text = JSON.stringify(big, null, 1);
  assert.ok(text.length > 256 * 1024);
  assert.deepEqual(await parseJsonSliced(text), big);
  for (const s of ['{}', '{"a":[]}', '{"o":{}}', '{"o":{"a":1,"a":2}}', '{"o":{"x":{"y":[{}]}}}', ' { "k" : [ "a" , "b" ] } ', '{"a":"\\u0041","b":[1,[2,"]"]]}', '[1,2]', '"x"', '3']) {
    assert.deepEqual(await parseJsonSliced(s), JSON.parse(s), s);
  }
});

test('parseJsonSliced rejects malformed JSON like JSON.parse', async () => {
  for (const s of ['{"a":1', '{"a":[1,2}', '', '{"a":"unterminated}']) {
    await assert.rejects(parseJsonSliced(s), SyntaxError, s);
  }
});

test('a "__proto__" key in a big object stays a plain key, as with JSON.parse', async () => {
  const entries = Array.from({ length: 20000 }, (_, i) => `"k${i}":"${'v'.repeat(10)}"`);
  const text = `{"bodyFiles":{"__proto__":{"polluted":true},${entries.join(',')}}}`;
  const parsed = (await parseJsonSliced(text)) as { bodyFiles: Record<string, unknown> };
  assert.deepEqual(parsed, JSON.parse(text));
  assert.equal(Object.getPrototypeOf(parsed.bodyFiles), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(parsed.bodyFiles, '__proto__')?.value, { polluted: true });
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
});
