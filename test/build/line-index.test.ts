import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lineIndex } from '../../src/build/line-index';

it('gives the line of any offset, asked in any order', () => {
  const text = 'one\ntwo\n\nfour';
  const lineOf = lineIndex(text);
  assert.deepEqual([text.indexOf('four'), 0, text.indexOf('two'), 3, 4, 8, 9].map(lineOf), [4, 1, 2, 1, 2, 3, 4]);
  assert.equal(lineIndex('')(0), 1);
});
