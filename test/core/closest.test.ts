import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestNames, editDistance } from '../../src/core/text/closest';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions, and a swap of neighbours as one', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('archive-storage', 'archive-storag'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('rich', 'rcih'), 1);
    assert.equal(editDistance('abcd', 'badc'), 2);
  });
});

describe('closestNames', () => {
  const ids = ['archive-storage', 'add-a-domain', 'dns-records', 'quarantine', 'spam-filter-threshold', 'rich'];

  it('names the close ids, closest first, ignoring case', () => {
    assert.deepEqual(closestNames('archive-storag', ids), ['archive-storage']);
    assert.deepEqual(closestNames('Quarantaine', ids), ['quarantine']);
    assert.deepEqual(closestNames('rcih', ids), ['rich']);
  });

  it('names ids that contain the name, or that it contains', () => {
    assert.deepEqual(closestNames('dns', ids), ['dns-records']);
    assert.deepEqual(closestNames('spam-filter-threshold-2', ids), ['spam-filter-threshold']);
  });

  it('names nothing when nothing is close, and at most `limit`', () => {
    assert.deepEqual(closestNames('billing', ids), []);
    assert.equal(
      closestNames(
        'a',
        Array.from({ length: 10 }, (_, i) => `a${i}`),
        3,
      ).length,
      3,
    );
  });

  it('finds the closest of 10,000 similar ids first', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `article-${i}-about-mail-filtering`);
    assert.equal(closestNames('article-42-about-mail-filterin', many)[0], 'article-42-about-mail-filtering');
  });
});
