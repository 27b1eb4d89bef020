import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonSliced } from '../../src/core/json-sliced';

test('parseJsonSliced gives what JSON.parse gives, for big arrays and tricky strings', async () => {
  const big = {
    format: 'x',
    articles: Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}`, title: `T "${i}" ] } , [ {`, tags: ['x\\', 'y'], n: i, nested: [[i], { a: null }] })),
    empty: [],
    text: 'quote " backslash \\ brackets ] } unicode é 文 🙂',
  };
  const text = JSON.stringify(big, null, 1);
  assert.ok(text.length > 256 * 1024);
  assert.deepEqual(await parseJsonSliced(text), big);
  for (const s of ['{}', '{"a":[]}', ' { "k" : [ "a" , "b" ] } ', '{"a":"\\u0041","b":[1,[2,"]"]]}', '[1,2]', '"x"', '3']) {
    assert.deepEqual(await parseJsonSliced(s), JSON.parse(s), s);
  }
});

test('parseJsonSliced rejects malformed JSON like JSON.parse', async () => {
  for (const s of ['{"a":1', '{"a":[1,2}', '', '{"a":"unterminated}']) {
    await assert.rejects(parseJsonSliced(s), SyntaxError, s);
  }
});
