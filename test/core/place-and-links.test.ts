import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KbError, KnowledgeBase } from '../../src/core/index';
import { article, bundleOf } from './fixtures';

const ARTICLES = [
  article({
    id: 'override-postfix',
    title: 'Postfix',
    place: 'Advanced Override the defaults override-defaults postfix',
    excerpt: 'Your own lines for main.cf.',
  }),
  article({
    id: 'override-dovecot',
    title: 'Dovecot',
    place: 'Advanced Override the defaults override-defaults dovecot',
    excerpt: 'Your own lines for dovecot.conf.',
  }),
  article({
    id: 'relay',
    title: 'Relay hosts',
    place: 'Mail forwarding postfix',
    excerpt: 'Send through another server. Postfix is told to use it, and you can override the default relay.',
  }),
  article({ id: 'postfix-logs', title: 'Reading the Postfix logs', place: 'Debugging', excerpt: 'Where Postfix writes what it did.' }),
  article({
    id: 'environment',
    title: 'Environment variables',
    linkText: ['the env page', 'ENABLE_QUOTAS'],
    excerpt: 'Every setting of the container.',
  }),
  article({
    id: 'faq',
    title: 'Questions',
    sections: [{ id: '', heading: '', level: 1, parents: [], text: 'What people ask about env settings, on one page.' }],
  }),
];
const kb = KnowledgeBase.from(JSON.parse(JSON.stringify(bundleOf(ARTICLES))));
const ids = (q: string, k = kb) => k.search(q).map((h) => h.article.id);

test('a query that names the place and the subject finds the article in that place first', () => {
  assert.equal(ids('override postfix')[0], 'override-postfix');
  assert.equal(ids('override dovecot')[0], 'override-dovecot');
});

test('the place never puts a better title match below it', () => {
  // `relay` sits under a folder named postfix; the titles that say Postfix still come first.
  const ranked = ids('postfix');
  assert.ok(ranked.indexOf('override-postfix') < ranked.indexOf('relay'));
  assert.ok(ranked.indexOf('postfix-logs') < ranked.indexOf('relay'));
  assert.equal(ids('relay hosts')[0], 'relay');
});

test('what other articles call an article finds it', () => {
  assert.equal(ids('env page')[0], 'environment');
  assert.equal(ids('enable_quotas')[0], 'environment');
});

test('place and link text are indexed, not shipped in the article metadata', () => {
  const bundle = bundleOf(ARTICLES);
  assert.deepEqual(bundle.search.fields, ['title', 'heading', 'tags', 'excerpt', 'text', 'place', 'links']);
  for (const a of bundle.articles) {
    assert.equal('place' in a, false);
    assert.equal('linkText' in a, false);
  }
});

test('an index of version 1 (no place, no links, no synonyms) still loads and ranks the same', () => {
  const plain = ARTICLES.map(({ place: _p, linkText: _l, ...a }) => a);
  const current = JSON.parse(JSON.stringify(bundleOf(plain)));
  const old = JSON.parse(JSON.stringify(current));
  old.search.version = 1;
  old.search.fields = old.search.fields.slice(0, 5);
  old.search.lengths = old.search.lengths.slice(0, 5).map((l: string) =>
    l
      .split(',')
      .map((n) => n || '0')
      .join(','),
  );
  const a = KnowledgeBase.from(current);
  const b = KnowledgeBase.from(old);
  for (const q of ['postfix', 'override dovecot', 'env settings', 'relay']) assert.deepEqual(ids(q, b), ids(q, a), q);
});

test('an index whose version and fields disagree is a clear error', () => {
  const bundle = JSON.parse(JSON.stringify(bundleOf(ARTICLES)));
  bundle.search.fields = bundle.search.fields.slice(0, 5);
  assert.throws(
    () => KnowledgeBase.from(bundle),
    (e: unknown) => e instanceof KbError && e.kind === 'format' && /version 2 has the fields/.test(e.message),
  );
  bundle.search.version = 3;
  assert.throws(
    () => KnowledgeBase.from(bundle),
    (e: unknown) => e instanceof KbError && e.kind === 'version' && /upgrade kb-elements/.test(e.message),
  );
});
