import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, KnowledgeBase } from '../../src/core/index';
import { article, bundleOf, section, SKYHOST } from './fixtures';

const kb = KnowledgeBase.from(JSON.parse(JSON.stringify(bundleOf(SKYHOST))));
const ids = (q: string, k = kb) => k.search(q).map((h) => h.article.id);

test('empty, blank, huge, regex and emoji queries are safe', () => {
  assert.deepEqual(kb.search(''), []);
  assert.deepEqual(kb.search('   \n\t '), []);
  assert.deepEqual(kb.search(undefined as unknown as string), []);
  assert.ok(Array.isArray(kb.search('spam '.repeat(400))));
  assert.equal(ids('spam '.repeat(400))[0], 'spam-filter-threshold');
  for (const q of ['.*', '(((', '[a-z]+$', '\\', '^$|', '🙂', '🙂 spam 🔥', '\u0000', '"', '""', '" "', '«»']) {
    assert.doesNotThrow(() => kb.search(q), q);
  }
  assert.equal(ids('🙂 spam 🔥')[0], 'spam-filter-threshold');
});

test('one hit per article, pointing at the best section', () => {
  const hits = kb.search('false positives');
  assert.equal(hits.length, new Set(hits.map((h) => h.article.id)).size);
  assert.equal(hits[0]!.article.id, 'spam-filter-threshold');
  assert.deepEqual(hits[0]!.section, { id: 'lower-the-threshold', heading: 'Lower the threshold' });
  assert.match(hits[0]!.snippet, /false positives/);
  assert.deepEqual(kb.search('dkim')[0]!.section, { id: 'dkim', heading: 'DKIM signing' });
});

test('title beats body; an exact title comes first; views only break ties', () => {
  const arts = [
    article({
      id: 'body',
      title: 'General notes',
      views: 100000,
      excerpt: 'Quarantine quarantine quarantine is mentioned here often, quarantine.',
    }),
    article({ id: 'title', title: 'Quarantine', views: 1 }),
    article({ id: 'longer', title: 'Quarantine for admins and resellers', views: 50000 }),
  ];
  const k = KnowledgeBase.from(bundleOf(arts));
  assert.deepEqual(ids('quarantine', k), ['title', 'longer', 'body']);
  const twins = KnowledgeBase.from(
    bundleOf([article({ id: 'a', title: 'Mail filters', views: 10 }), article({ id: 'b', title: 'Mail filters', views: 900 })]),
  );
  assert.deepEqual(ids('mail filters', twins), ['b', 'a']);
});

test('prefix on the last word, typos scaled by length, none on short words', () => {
  assert.equal(ids('thresh')[0], 'spam-filter-threshold');
  assert.equal(ids('spam filter thre')[0], 'spam-filter-threshold');
  assert.equal(ids('treshold')[0], 'spam-filter-threshold');
  assert.equal(ids('quarantien')[0], 'quarantine');
  assert.equal(ids('spma filter')[0], 'spam-filter-threshold');
  // A two-letter word is not fuzzy: `mz` must not find `mx`.
  assert.deepEqual(ids('mz '), []);
  assert.deepEqual(ids('dkin ').slice(0, 1), ['dns-records']);
  // Prefix only on the word being typed: after a space, `thresh` is a whole word.
  assert.deepEqual(ids('thresh '), []);
});

test('the forms of a word count as one term: inflections add up, near misses do not', () => {
  const k = KnowledgeBase.from(
    bundleOf([
      article({ id: 'twice', title: 'Notes', excerpt: 'Install the agent, then install the probe on every host you run.' }),
      article({ id: 'forms', title: 'Notes', excerpt: 'Install the agent; installing takes a minute, and installed agents report.' }),
    ]),
  );
  // One `install` and two inflections say more than two `install`s (BM25F over the word's forms).
  assert.deepEqual(ids('install', k), ['forms', 'twice']);
  const typos = KnowledgeBase.from(
    bundleOf([
      article({ id: 'varied', title: 'Notes', excerpt: 'mask mass malt vast past most must' }),
      article({ id: 'one', title: 'Notes', excerpt: 'mask mask mask harbor rope sail deck' }),
      article({ id: 'other', title: 'Notes', excerpt: 'mass malt vast past most must rope' }),
    ]),
  );
  // `mast` is in no article: each word one typo away is another word, not more of the same.
  assert.equal(ids('mast ', typos)[0], 'one');
});

test('a quoted phrase matches only as an exact phrase', () => {
  assert.deepEqual(ids('"false positives"'), ['spam-filter-threshold']);
  assert.deepEqual(ids('"positives false"'), []);
  assert.deepEqual(
    ids('"dns records" domain'),
    ['dns-records', 'add-a-domain'].filter((id) => ids('"dns records" domain').includes(id)),
  );
  for (const id of ids('"dns records"')) assert.ok(['dns-records', 'add-a-domain'].includes(id));
});

test('technical words are found whole and in parts', () => {
  for (const q of ['X-Spam-Flag', 'x-spam-flag']) assert.equal(ids(q)[0], 'spam-filter-threshold', q);
  for (const q of ['setup.sh', 'smtp_tls_policy', 'user@example.com', '10.0.0.1', 'tls policy', 'example.com']) {
    assert.equal(ids(q)[0], 'archive-storage', q);
  }
});

test('a mnemonic letter in brackets is part of its word: e[x]tract is extract', () => {
  const k = KnowledgeBase.from(
    bundleOf([
      article({ id: 'tar', title: 'tar', excerpt: 'E[x]tract an archive [f]ile, or [c]reate a g[z]ipped one.' }),
      article({ id: 'code', title: 'Arrays', excerpt: 'Read args[i] and mark [x] done.' }),
    ]),
  );
  for (const q of ['extract', 'extract archive', 'create', 'gzipped ', 'file ']) assert.equal(ids(q, k)[0], 'tar', q);
  assert.equal(ids('args ', k)[0], 'code', 'an index in brackets is not a mnemonic');
  assert.match(k.search('extract')[0]!.snippetHtml, /<mark>E\[x\]tract<\/mark>/);
});

test('a search leaves nothing behind for the next one', () => {
  const first = kb.search('user@example.com');
  for (const q of ['x-spam-flag', 'setup.sh', 'per-user', 'smtp_tls_policy treshold']) kb.search(q);
  assert.deepEqual(kb.search('user@example.com'), first);
  assert.equal(first[0]!.article.id, 'archive-storage');
});

test('accents fold: resume finds résumé, and the other way round', () => {
  assert.equal(ids('resume')[0], 'resume');
  assert.equal(ids('RÉSUMÉ')[0], 'resume');
  assert.equal(kb.search('resume')[0]!.titleHtml, '<mark>Résumé</mark> of your account');
});

test('Chinese and Japanese words are found in the middle of a sentence; Arabic works', () => {
  const k = KnowledgeBase.from(
    bundleOf([
      article({ id: 'zh', title: '磁盘工具', excerpt: '使用这个命令来查看文件系统的磁盘使用情况。' }),
      article({ id: 'ja', title: 'ダウンロード', excerpt: 'このコマンドでファイルをダウンロードします。' }),
      article({ id: 'ar', title: 'عرض الملفات', excerpt: 'اعرض محتويات الملف في الطرفية.' }),
      article({ id: 'en', title: 'Disk tools', excerpt: 'Show disk usage.' }),
    ]),
  );
  assert.deepEqual(ids('系统', k), ['zh']);
  assert.deepEqual(ids('文件', k), ['zh']);
  assert.deepEqual(ids('查看磁盘', k), ['zh']);
  assert.deepEqual(ids('ファイル', k), ['ja']);
  assert.deepEqual(ids('محتويات', k), ['ar']);
  assert.match(k.search('系统')[0]!.snippetHtml, /<mark>[^<]*系统[^<]*<\/mark>/);
});

test('titleHtml and snippetHtml escape hostile text and only add <mark>', () => {
  const evil = '<img src=x onerror=alert(1)> & "quotes" \'single\' <script>alert(2)</script> spam';
  const k = KnowledgeBase.from(
    bundleOf([
      article({
        id: 'evil',
        title: `<b>Spam</b> <script>x()</script> "filter" & co`,
        excerpt: evil,
        sections: [{ id: '', heading: '', level: 1, parents: [], text: evil }],
        // What a build makes of that text in Markdown: escaped in the HTML.
        html: `<p>${escapeHtml(evil)}</p>`,
      }),
    ]),
  );
  const [hit] = k.search('spam filter script');
  assert.ok(hit);
  for (const html of [hit.titleHtml, hit.snippetHtml]) {
    const withoutMarks = html.replace(/<\/?mark>/g, '');
    assert.doesNotMatch(withoutMarks, /[<>"']/, html);
  }
  assert.equal(
    hit.titleHtml,
    '&lt;b&gt;<mark>Spam</mark>&lt;/b&gt; &lt;<mark>script</mark>&gt;x()&lt;/<mark>script</mark>&gt; &quot;<mark>filter</mark>&quot; &amp; co',
  );
  assert.match(hit.snippetHtml, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;quotes&quot; &#39;single&#39;/);
});

test('category and lang options filter hits', () => {
  assert.deepEqual(ids('spam'), ['spam-filter-threshold', 'quarantine', 'settings-overview']);
  assert.deepEqual(
    kb.search('spam', { category: 'email' }).map((h) => h.article.id),
    ['spam-filter-threshold', 'quarantine'],
  );
  assert.deepEqual(
    kb.search('spam', { category: 'general' }).map((h) => h.article.id),
    ['settings-overview'],
  );
  assert.deepEqual(kb.search('spam', { limit: 1 }).length, 1);
  const k = KnowledgeBase.from(bundleOf([article({ id: 'en', title: 'Filter' }), article({ id: 'de', title: 'Filter', lang: 'de-DE' })]));
  assert.deepEqual(
    k.search('filter', { lang: 'de' }).map((h) => h.article.id),
    ['de'],
  );
  assert.deepEqual(
    k.search('filter', { lang: 'en' }).map((h) => h.article.id),
    ['en'],
  );
});

test('stop words in questions do not drown the words that matter', () => {
  assert.equal(ids('how do I add a domain?')[0], 'add-a-domain');
  assert.equal(ids('where are my archived messages stored')[0], 'archive-storage');
});

test('suggest() completes the word being typed', () => {
  assert.deepEqual(kb.suggest('spam fil').slice(0, 1), ['spam filter']);
  assert.ok(kb.suggest('quar').includes('quarantine'));
  assert.deepEqual(kb.suggest(''), []);
  assert.deepEqual(kb.suggest('spam '), []);
});

test('sections of a long article are grouped under one hit', () => {
  const many = Array.from({ length: 30 }, (_, i) => section(`s${i}`, `Step ${i}`, `Configure the relay host, part ${i}.`));
  const k = KnowledgeBase.from(
    bundleOf([
      article({ id: 'long', title: 'Long guide', sections: many }),
      article({ id: 'short', title: 'Relay host', excerpt: 'Send through a relay host.' }),
    ]),
  );
  assert.deepEqual(ids('relay host', k), ['short', 'long']);
});
