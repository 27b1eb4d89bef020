import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KbError, KnowledgeBase, SYNONYM_LIMITS } from '../../src/core/index';
import { article, bundleOf } from './fixtures';

const ARTICLES = [
  article({ id: 'remove-domain', title: 'Remove a domain', excerpt: 'Take a domain out of your account.' }),
  article({ id: 'erase-logs', title: 'Erase old logs', excerpt: 'Logs older than a year can go.' }),
  article({ id: 'create-mailbox', title: 'Create a mailbox', excerpt: 'Every address needs a mailbox with a password.' }),
  article({ id: 'passkeys', title: 'Sign in with a passkey', excerpt: 'A passkey replaces the password on this device.' }),
  article({ id: 'quotas', title: 'Storage quotas', excerpt: 'How much room each email address gets.' }),
];
const SYNONYMS = [
  ['delete', 'remove', 'erase'],
  ['mailbox', 'inbox', 'email account'],
  ['sign in', 'log in', 'login'],
];

const kbOf = (synonyms?: string[][]) => KnowledgeBase.from(JSON.parse(JSON.stringify(bundleOf(ARTICLES, synonyms ? { synonyms } : {}))));
const kb = kbOf(SYNONYMS);
const ids = (q: string, k = kb) => k.search(q).map((h) => h.article.id);

test('a word finds the articles that use its synonym', () => {
  assert.deepEqual(ids('delete a domain').slice(0, 1), ['remove-domain']);
  assert.deepEqual(ids('new inbox ').slice(0, 1), ['create-mailbox']);
  assert.deepEqual(ids('delete ', kbOf()), [], 'without synonyms "delete" finds nothing');
});

test('a synonym counts less than the word itself', () => {
  // Both articles match `erase` (one as written, one through `remove`): the exact word wins.
  assert.deepEqual(ids('erase'), ['erase-logs', 'remove-domain']);
  assert.ok(kb.search('erase')[1]!.score < kb.search('remove')[0]!.score);
});

test('phrases: several words for one, one for several', () => {
  assert.equal(ids('login ')[0], 'passkeys', 'login finds "sign in"');
  assert.equal(ids('log in with a passkey')[0], 'passkeys');
  // `email account` stands for `mailbox`: both words count as found.
  assert.equal(ids('email account password ')[0], 'create-mailbox');
});

test('a word being typed or mistyped finds the synonyms of the word it stands for', () => {
  assert.equal(ids('new inb')[0], 'create-mailbox', 'inb is being typed: inbox');
  assert.equal(ids('new ibnox ')[0], 'create-mailbox', 'ibnox is inbox mistyped');
});

test('the synonyms travel in the index, normalized', () => {
  const bundle = bundleOf(ARTICLES, { synonyms: [['  Sign   in ', 'LOG IN', 'log in', 'login'], ['only'], ['inbox', 'Inbox']] });
  assert.deepEqual(bundle.search.synonyms, [['Sign in', 'LOG IN', 'login']]);
  assert.equal(bundleOf(ARTICLES).search.synonyms, undefined, 'none: no field');
});

test('bad synonyms in a bundle are a format error naming the item', () => {
  const bad = (synonyms: unknown, message: RegExp) => {
    const bundle = JSON.parse(JSON.stringify(bundleOf(ARTICLES)));
    bundle.search.synonyms = synonyms;
    assert.throws(
      () => KnowledgeBase.from(bundle),
      (e: unknown) => e instanceof KbError && e.kind === 'format' && message.test(e.message),
    );
  };
  bad('delete, remove', /synonyms must be a list of groups/);
  bad([['delete', 7]], /synonyms\[0\]\[1\] must be a text/);
  bad([['delete'], 'remove'], /synonyms\[1\] must be a list of words/);
  bad([['a'.repeat(SYNONYM_LIMITS.chars + 1), 'b']], /synonyms\[0\]\[0\] must be at most 60 characters/);
  bad([['one two three four five', 'b']], /at most 4 words/);
  bad([['!!!', 'b']], /no letters or digits/);
  bad(
    Array.from({ length: SYNONYM_LIMITS.groups + 1 }, () => ['a', 'b']),
    /at most 1000 groups/,
  );
  bad([Array.from({ length: SYNONYM_LIMITS.members + 1 }, (_, i) => `w${i}`)], /at most 20 words or phrases/);
  assert.throws(
    () => bundleOf(ARTICLES, { synonyms: [['delete', 7 as unknown as string]] }),
    /synonyms\[0\]\[1\] must be a text/,
    'and so is making one',
  );
});

test('synonyms at their limits load and search', () => {
  const groups = Array.from({ length: SYNONYM_LIMITS.groups }, (_, g) =>
    Array.from({ length: SYNONYM_LIMITS.members }, (_, m) => `word${g}x${m} other${g}y${m}`),
  );
  groups[0] = ['delete', 'remove'];
  const big = kbOf(groups);
  assert.equal(ids('delete a domain', big)[0], 'remove-domain');
  assert.deepEqual(ids('word7x1 other7y1 word7x', big), []);
  // One word in every group: it searches the first few groups' members, not all 19,000.
  const crowded = kbOf([
    ['delete', 'remove'],
    ...Array.from({ length: SYNONYM_LIMITS.groups - 1 }, (_, g) => [
      'delete',
      ...Array.from({ length: SYNONYM_LIMITS.members - 1 }, (_, m) => `w${g}x${m}`),
    ]),
  ]);
  assert.equal(ids('delete a domain', crowded)[0], 'remove-domain');
  assert.equal(ids('delet', crowded)[0], 'remove-domain');
});
