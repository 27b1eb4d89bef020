import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KbError, KnowledgeBase, serializeBundle } from '../../src/core/index';
import { article, bundleOf, SKYHOST } from './fixtures';

const bundle = () => JSON.parse(JSON.stringify(bundleOf(SKYHOST)));

test('from() reads a bundle: meta, categories in tree order, breadcrumbs', () => {
  const kb = KnowledgeBase.from(bundle());
  assert.equal(kb.meta.title, 'Test KB');
  assert.equal(kb.meta.articleCount, SKYHOST.length);
  // `email` (order 1) before `general` (no order); `spam` right after its parent.
  assert.deepEqual(
    kb.categories().map((c) => c.id),
    ['email', 'spam', 'general'],
  );
  assert.deepEqual(
    kb.categoryPath('spam').map((c) => c.id),
    ['email', 'spam'],
  );
  assert.deepEqual(kb.categoryPath('nope'), []);
  assert.equal(kb.category('spam')?.title, 'Spam');
});

test('articles(): all in bundle order, or one category in the author order', () => {
  const kb = KnowledgeBase.from(bundle());
  assert.deepEqual(
    kb.articles().map((a) => a.id),
    SKYHOST.map((a) => a.id),
  );
  assert.deepEqual(
    kb.articles('general').map((a) => a.id),
    ['add-a-domain', 'resume', 'dns-records', 'settings-overview'],
  );
  assert.deepEqual(kb.articles('missing'), []);
  assert.equal(kb.articleMeta('quarantine')?.title, 'Quarantine');
  assert.equal(kb.articleMeta('nope'), undefined);
});

test('article() returns inline bodies, and fetches split bodies through loadBody once', async () => {
  const inline = KnowledgeBase.from(bundle());
  assert.match((await inline.article('dns-records'))!.html, /<h2 id="dkim">DKIM signing<\/h2>/);
  assert.equal(await inline.article('nope'), undefined);

  const split = JSON.parse(JSON.stringify(bundleOf(SKYHOST, { split: true })));
  assert.equal(split.bodies, undefined);
  assert.equal(split.bodyFiles['dns-records'], 'articles/dns-records.html');
  const calls: string[] = [];
  const kb = KnowledgeBase.from(split, {
    loadBody: async (id, file) => {
      calls.push(`${id}:${file}`);
      return `<p>body of ${id}</p>`;
    },
  });
  const [a, b] = await Promise.all([kb.article('quarantine'), kb.article('quarantine')]);
  assert.equal(a!.html, '<p>body of quarantine</p>');
  assert.equal(b!.html, a!.html);
  assert.deepEqual(calls, ['quarantine:articles/quarantine.html']);
});

test('article() fails with a KbError naming the article when a split body cannot be loaded', async () => {
  const split = JSON.parse(JSON.stringify(bundleOf(SKYHOST, { split: true })));
  const kb = KnowledgeBase.from(split, { loadBody: async () => Promise.reject(new Error('offline')) });
  await assert.rejects(
    kb.article('quarantine'),
    (e: unknown) => e instanceof KbError && e.kind === 'network' && /quarantine/.test(e.message),
  );
  const fetched = KnowledgeBase.from(split, { baseUrl: 'http://kb.invalid/help/kb.json' });
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => new Response('missing', { status: 404, statusText: String(url) });
  try {
    await assert.rejects(
      fetched.article('quarantine'),
      (e: unknown) =>
        e instanceof KbError &&
        e.kind === 'http' &&
        e.status === 404 &&
        e.url === 'http://kb.invalid/help/articles/quarantine.html' &&
        /article "quarantine"/.test(e.message),
    );
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('popular() by views; related() from front matter, then by similarity', () => {
  const kb = KnowledgeBase.from(bundle());
  assert.deepEqual(
    kb.popular(3).map((a) => a.id),
    ['quarantine', 'add-a-domain', 'spam-filter-threshold'],
  );
  assert.deepEqual(
    kb.popular(5, 'email').map((a) => a.id),
    ['quarantine', 'spam-filter-threshold', 'archive-storage'],
    'a category and its descendants',
  );
  assert.deepEqual(
    kb.popular(5, 'spam').map((a) => a.id),
    ['quarantine', 'spam-filter-threshold'],
  );
  assert.deepEqual(kb.popular(5, 'no-such-category'), []);
  const related = kb.related('dns-records', 3).map((a) => a.id);
  assert.equal(related[0], 'add-a-domain');
  assert.ok(!related.includes('dns-records'));
  const similar = kb.related('spam-filter-threshold', 2).map((a) => a.id);
  assert.ok(similar.includes('quarantine'), `spam articles are related: ${similar}`);
  assert.deepEqual(kb.related('nope'), []);
});

test('forContext() matches keys, parent keys and route patterns, closest first', () => {
  const kb = KnowledgeBase.from(bundle());
  assert.deepEqual(
    kb.forContext('settings.archive').map((a) => a.id),
    ['archive-storage', 'settings-overview'],
  );
  assert.deepEqual(
    kb.forContext('/domains/42/dns').map((a) => a.id),
    ['dns-records'],
  );
  assert.deepEqual(
    kb.forContext('https://panel.example/domains/42/dns/?tab=mx#top').map((a) => a.id),
    ['dns-records'],
  );
  assert.deepEqual(
    kb.forContext('/domains/').map((a) => a.id),
    ['add-a-domain'],
  );
  assert.deepEqual(
    kb.forContext('/settings/archive').map((a) => a.id),
    ['archive-storage', 'settings-overview'],
  );
  assert.deepEqual(
    kb.forContext('/settings/branding').map((a) => a.id),
    ['settings-overview'],
  );
  assert.deepEqual(
    kb
      .forContext(['domains.add', 'domains.dns'])
      .map((a) => a.id)
      .sort(),
    ['add-a-domain', 'dns-records'],
  );
  assert.deepEqual(kb.forContext('billing.invoices'), []);
  assert.deepEqual(kb.forContext(''), []);
});

test('from() rejects what is not a bundle with a clear KbError', () => {
  const bad = (value: unknown, kind: string, message: RegExp) =>
    assert.throws(
      () => KnowledgeBase.from(value),
      (e: unknown) => e instanceof KbError && e.kind === kind && message.test(e.message),
    );
  bad(null, 'format', /JSON object/);
  bad({ format: 'other' }, 'format', /"format" is "other"/);
  bad({ ...bundle(), version: 99 }, 'version', /version 99 .*upgrade/);
  bad({ ...bundle(), articles: 'x' }, 'format', /articles must be an array/);
  const b = bundle();
  b.articles[2].title = 42;
  bad(b, 'format', /articles\[2\]\.title must be a string \(got number\)/);
  const c = bundle();
  c.articles[1].id = c.articles[0].id;
  bad(c, 'format', /used twice/);
  const d = bundle();
  d.search.version = 7;
  bad(d, 'version', /search: index version 7/);
  const e = bundle();
  e.articles.pop();
  bad(e, 'format', /index has 7 articles, the bundle 6/);
});

test('fromAsync() gives the same results as from()', async () => {
  const a = KnowledgeBase.from(bundle());
  const b = await KnowledgeBase.fromAsync(bundle());
  assert.deepEqual(b.search('spam filter'), a.search('spam filter'));
});

test('load() fetches, resolves body files against the bundle URL, and reports failures by kind', async () => {
  const split = bundleOf([article({ id: 'one', title: 'One' })], { split: true });
  const seen: string[] = [];
  const fakeFetch = (async (url: string) => {
    seen.push(String(url));
    if (String(url).endsWith('kb.json')) return new Response(JSON.stringify(split));
    if (String(url).endsWith('one.html')) return new Response('<p>One</p>');
    return new Response('', { status: 500 });
  }) as typeof fetch;
  const realFetch = globalThis.fetch;
  globalThis.fetch = fakeFetch;
  try {
    const kb = await KnowledgeBase.load('http://kb.invalid/help/kb.json', { fetch: fakeFetch });
    assert.equal((await kb.article('one'))!.html, '<p>One</p>');
    assert.deepEqual(seen, ['http://kb.invalid/help/kb.json', 'http://kb.invalid/help/articles/one.html']);
  } finally {
    globalThis.fetch = realFetch;
  }
  const kind = (k: string, status?: number) => (e: unknown) => e instanceof KbError && e.kind === k && e.status === status;
  await assert.rejects(
    KnowledgeBase.load('http://kb.invalid/x.json', { fetch: (async () => new Response('', { status: 404 })) as typeof fetch }),
    kind('http', 404),
  );
  await assert.rejects(
    KnowledgeBase.load('http://kb.invalid/x.json', {
      fetch: (async () => {
        throw new TypeError('failed');
      }) as typeof fetch,
    }),
    kind('network'),
  );
  await assert.rejects(
    KnowledgeBase.load('http://kb.invalid/x.json', { fetch: (async () => new Response('{nope')) as typeof fetch }),
    kind('format'),
  );
  await assert.rejects(
    KnowledgeBase.load('http://kb.invalid/x.json', {
      fetch: (async () => new Response('{"format":"kb-elements/bundle","version":2}')) as typeof fetch,
    }),
    kind('version'),
  );
  const hang = ((_: string, init: RequestInit) =>
    new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch;
  await assert.rejects(KnowledgeBase.load('http://kb.invalid/x.json', { fetch: hang, timeout: 20 }), kind('timeout'));
  const controller = new AbortController();
  const pending = KnowledgeBase.load('http://kb.invalid/x.json', { fetch: hang, signal: controller.signal });
  controller.abort(new Error('user left'));
  await assert.rejects(pending, /user left/);
});

test('fromAsync() rejects a bad bundle with the same KbError as from()', async () => {
  const cases: [(b: ReturnType<typeof bundle>) => void, RegExp][] = [
    [(b) => (b.articles[1].id = b.articles[0].id), /articles\[1\]\.id "[^"]+" is used twice/],
    [(b) => (b.articles[2].title = 42), /articles\[2\]\.title must be a string/],
    [(b) => (b.bodies = { [b.articles[0].id]: 7 }), /bodies\["[^"]+"\] must be a string \(got number\)/],
    [(b) => (b.bodyFiles = []), /bodyFiles must be an object of strings/],
    [(b) => (b.search = null), /search must be an object/],
  ];
  for (const [spoil, message] of cases) {
    const b = bundle();
    spoil(b);
    const isIt = (e: unknown) => e instanceof KbError && e.kind === 'format' && message.test(e.message);
    assert.throws(() => KnowledgeBase.from(b), isIt);
    await assert.rejects(KnowledgeBase.fromAsync(b), isIt);
  }
});

test('load() reads a large body that arrives in small chunks, characters cut between them, and stops at the first malformed one', async () => {
  // Over 512 KB, so it is parsed while it streams in (a smaller one is parsed in one piece).
  const b = bundleOf([article({ id: 'ü', title: 'Grüße 文 🙂', excerpt: 'é'.repeat(300_000) }), ...SKYHOST], { split: true });
  const bytes = new TextEncoder().encode(JSON.stringify(b));
  let cancelled = false;
  const streamed = (body: Uint8Array) =>
    (async () => {
      let at = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= body.length) return controller.close();
          controller.enqueue(body.slice(at, at + 333));
          at += 333;
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(stream);
    }) as unknown as typeof fetch;
  const kb = await KnowledgeBase.load('http://kb.invalid/kb.json', { fetch: streamed(bytes) });
  assert.deepEqual(kb.articles(), KnowledgeBase.from(JSON.parse(JSON.stringify(b))).articles());
  assert.equal(kb.search('grüße')[0]?.article.id, 'ü');
  const text = JSON.stringify(b);
  const broken = new TextEncoder().encode(`${text.slice(0, text.indexOf(',"title"'))}}${text.slice(text.indexOf(',"title"') + 1)}`);
  await assert.rejects(
    KnowledgeBase.load('http://kb.invalid/kb.json', { fetch: streamed(broken) }),
    (e: unknown) => e instanceof KbError && e.kind === 'format' && e.cause instanceof SyntaxError,
  );
  assert.ok(cancelled, 'the rest of a malformed body is not downloaded');
});

test('serializeBundle() leaves out default article fields, and a reader gets them back', () => {
  const original = bundle();
  const text = serializeBundle(original);
  assert.doesNotMatch(text, /"(tags|related|context|headings)":\[\]|"views":0[,}]/);
  const kb = KnowledgeBase.from(JSON.parse(text));
  for (const article of original.articles) assert.deepEqual(kb.articleMeta(article.id), article);
});
