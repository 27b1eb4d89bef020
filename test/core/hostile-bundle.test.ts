/**
 * Bundles made to hurt the page that loads them (issue 10, the runtime side): files outside the
 * bundle's folder, requests with the user's cookies, redirects, failures that must say what
 * failed, content values that are names of Object.prototype, lone surrogates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseUrlProblem, bodyFilePath, bundlePathProblem, KbError, KnowledgeBase, type KbBundle } from '../../src/core/index';
import { article, bundleOf, SKYHOST } from './fixtures';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const split = () => copy(bundleOf([article({ id: 'one', title: 'One' }), article({ id: 'two', title: 'Two' })], { split: true }));

/** A fetch that records every request (URL and credentials mode) and answers from `routes`. */
function recordingFetch(routes: Record<string, () => Response | Promise<Response>>) {
  const requests: { url: string; credentials: RequestCredentials | undefined }[] = [];
  const fetch = (async (input: string, init: RequestInit = {}) => {
    requests.push({ url: String(input), credentials: init.credentials });
    const route = Object.hasOwn(routes, String(input)) ? routes[String(input)] : undefined;
    return route ? route() : new Response('not found', { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** A response as fetch gives it after redirects: `url` is where it ended. */
function redirected(body: string, finalUrl: string): Response {
  const response = new Response(body);
  Object.defineProperty(response, 'url', { value: finalUrl });
  return response;
}

const isKbError = (kind: string, message?: RegExp) => (e: unknown) =>
  e instanceof KbError && e.kind === kind && (!message || message.test(e.message));

const HOSTILE_PATHS = [
  '../../api/secret',
  'articles/../../secret.html',
  '/api/secret',
  '//other.example/secret',
  'https://other.example/secret',
  'http:secret',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '..\\..\\secret',
  'articles\\one.html',
  '%2e%2e/secret',
  '.%2E/secret',
  'articles/%2e%2e/%2e%2e/secret',
  'articles/..%2fsecret',
  'articles/..%2Fsecret',
  'articles/..%5csecret',
  'articles/%00.html',
  'articles/one.html\u0000',
  'art\ticles/one.html',
  'articles/\none.html',
  ' articles/one.html',
  'articles/./one.html',
  'articles//one.html',
  './articles/one.html',
  'articles/...',
  'articles/',
  '',
  'articles/one.html?x=1',
  'articles/one.html#top',
  `articles/${'a'.repeat(2000)}.html`,
];

test('validation refuses every body file path that is not inside the bundle folder, naming the field', async () => {
  for (const path of HOSTILE_PATHS) {
    assert.ok(bundlePathProblem(path), `bundlePathProblem(${JSON.stringify(path)})`);
    const b = split();
    (b.bodyFiles as Record<string, string>).one = path;
    const refused = isKbError('format', /bodyFiles\["one"\] must be a path inside the bundle's folder/);
    assert.throws(() => KnowledgeBase.from(copy(b)), refused, JSON.stringify(path));
    await assert.rejects(KnowledgeBase.fromAsync(copy(b)), refused, JSON.stringify(path));
  }
  for (const path of [
    'articles/one.html',
    'articles/deep/two%20words.html',
    'artikel/grüße.html',
    'a.b/c..d/e.html',
    bodyFilePath('..'),
    bodyFilePath('a/../b'),
  ]) {
    assert.equal(bundlePathProblem(path), undefined, path);
  }
});

test('meta.baseUrl must be an http(s) folder, a folder from the server root, or a folder inside the bundle', () => {
  for (const bad of [
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/',
    '//cdn.example/help/',
    'https://user:pw@cdn.example/help/',
    'https://cdn.example/help/?v=1',
    'https://cdn.example/help/#x',
    '../elsewhere/',
    '/static/../api/',
    'help\\files/',
    'ftp://cdn.example/',
  ]) {
    assert.ok(baseUrlProblem(bad), bad);
    const b = copy(bundleOf(SKYHOST));
    b.meta.baseUrl = bad;
    assert.throws(() => KnowledgeBase.from(b), isKbError('format', /meta\.baseUrl/), bad);
  }
  for (const good of [
    'https://cdn.example/help/',
    'https://cdn.example',
    'http://localhost:8080/kb',
    '/static/help/',
    '/',
    'files/',
    'files',
  ]) {
    assert.equal(baseUrlProblem(good), undefined, good);
  }
});

test('load() sends no cookies unless asked, and fetches only inside the bundle folder (checked again at fetch time)', async () => {
  const b = split();
  const { fetch, requests } = recordingFetch({
    'http://kb.test/help/kb.json': () => new Response(JSON.stringify(b)),
    'http://kb.test/help/articles/one.html': () => new Response('<p>One</p>'),
  });
  const kb = await KnowledgeBase.load('http://kb.test/help/kb.json', { fetch });
  assert.equal((await kb.article('one'))!.html, '<p>One</p>');
  assert.deepEqual(requests, [
    { url: 'http://kb.test/help/kb.json', credentials: 'omit' },
    { url: 'http://kb.test/help/articles/one.html', credentials: 'omit' },
  ]);

  // The bundle object a KnowledgeBase holds is the validated one; if its body path changes after
  // validation, the fetch refuses it all the same, and nothing is requested.
  const loaded = KnowledgeBase.from(split(), { baseUrl: 'http://kb.test/help/kb.json', fetch });
  const validated = split();
  const held = KnowledgeBase.from(validated, { baseUrl: 'http://kb.test/help/kb.json', fetch });
  (validated.bodyFiles as Record<string, string>).two = '../../api/secret';
  requests.length = 0;
  await assert.rejects(held.article('two'), isKbError('format', /must be inside http:\/\/kb\.test\/help\//));
  assert.deepEqual(requests, []);
  assert.ok(loaded);

  const withCookies = recordingFetch({
    'http://kb.test/help/kb.json': () => new Response(JSON.stringify(b)),
    'http://kb.test/help/articles/one.html': () => new Response('<p>One</p>'),
  });
  const kb2 = await KnowledgeBase.load('http://kb.test/help/kb.json', { fetch: withCookies.fetch, credentials: 'include' });
  await kb2.article('one');
  assert.deepEqual(
    withCookies.requests.map((r) => r.credentials),
    ['include', 'include'],
  );
});

test('meta.baseUrl is honoured when a bundle loads by URL: absolute, from the server root, or inside the folder', async () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'http://kb.test/help/articles/one.html'],
    ['https://cdn.test/files/', 'https://cdn.test/files/articles/one.html'],
    ['https://cdn.test/files', 'https://cdn.test/files/articles/one.html'],
    ['/static/help/', 'http://kb.test/static/help/articles/one.html'],
    ['v2/', 'http://kb.test/help/v2/articles/one.html'],
  ];
  for (const [baseUrl, expected] of cases) {
    const b = split();
    if (baseUrl !== undefined) b.meta.baseUrl = baseUrl;
    const { fetch, requests } = recordingFetch({
      'http://kb.test/help/kb.json': () => new Response(JSON.stringify(b)),
      [expected]: () => new Response('<p>One</p>'),
    });
    const kb = await KnowledgeBase.load('http://kb.test/help/kb.json', { fetch });
    assert.equal((await kb.article('one'))!.html, '<p>One</p>', String(baseUrl));
    assert.equal(requests[1]!.url, expected);
    assert.equal(kb.baseUrl, expected.replace(/articles\/one\.html$/, ''), 'kb.baseUrl is the folder assets resolve against');
  }
});

test('after a redirect, body files resolve against the URL the bundle came from; a body redirected out of the folder is refused', async () => {
  const b = split();
  const { fetch, requests } = recordingFetch({
    'http://kb.test/help/kb.json': () => redirected(JSON.stringify(b), 'http://kb.test/v2/help/kb.json'),
    'http://kb.test/v2/help/articles/one.html': () => new Response('<p>One</p>'),
    'http://kb.test/v2/help/articles/two.html': () =>
      redirected('<form>Sign in</form>', 'http://kb.test/login?next=/v2/help/articles/two.html'),
  });
  const kb = await KnowledgeBase.load('http://kb.test/help/kb.json', { fetch });
  assert.equal(kb.baseUrl, 'http://kb.test/v2/help/');
  assert.equal((await kb.article('one'))!.html, '<p>One</p>');
  assert.equal(requests[1]!.url, 'http://kb.test/v2/help/articles/one.html');
  await assert.rejects(kb.article('two'), isKbError('format', /article "two".*redirected to http:\/\/kb\.test\/login/));
});

test('a body that fails says what failed: timeout, network, HTTP status, format; never "damaged" for all', async () => {
  const b = split();
  const hang = ((_: string, init: RequestInit) =>
    new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch;
  const cases: [typeof fetch, string, RegExp, number?][] = [
    [hang, 'timeout', /body of article "one".*timed out after 20 ms/],
    [
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
      'network',
      /Could not reach the body of article "one".*CORS/,
    ],
    [(async () => new Response('', { status: 503 })) as typeof fetch, 'http', /body of article "one".*HTTP 503/, 503],
  ];
  for (const [fetch, kind, message, status] of cases) {
    const kb = KnowledgeBase.from(copy(b), { baseUrl: 'http://kb.test/help/kb.json', fetch, timeout: 20 });
    await assert.rejects(
      kb.article('one'),
      (e: unknown) =>
        isKbError(kind, message)(e) && (e as KbError).status === status && (e as KbError).url === 'http://kb.test/help/articles/one.html',
      kind,
    );
  }
  const noBase = KnowledgeBase.from(copy(b));
  await assert.rejects(noBase.article('one'), isKbError('format', /bundle's URL is unknown/));
  const custom = KnowledgeBase.from(copy(b), {
    loadBody: async () => {
      throw new Error('offline');
    },
  });
  await assert.rejects(custom.article('one'), isKbError('network', /article "one"/));
});

test('a load aborted by its signal does not abort the article fetches that come later', async () => {
  const b = split();
  const controller = new AbortController();
  const { fetch } = recordingFetch({
    'http://kb.test/help/kb.json': () => new Response(JSON.stringify(b)),
    'http://kb.test/help/articles/one.html': () => new Response('<p>One</p>'),
  });
  const kb = await KnowledgeBase.load('http://kb.test/help/kb.json', { fetch, signal: controller.signal });
  controller.abort(new Error('left the page'));
  assert.equal((await kb.article('one'))!.html, '<p>One</p>');
});

test('content values named like Object.prototype members are plain keys: no stray body, fetch or title', async () => {
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
  const articles = names.map((id) => article({ id, title: `Article ${id}`, category: id, excerpt: `About ${id}.` }));
  const categories = names.map((id) => ({
    id,
    title: `Category ${id}`,
    icon: id,
    parent: id === 'constructor' ? '__proto__' : undefined,
    articleCount: 1,
    totalCount: 1,
  }));
  const base = copy(bundleOf(articles, { categories }));
  const kb = KnowledgeBase.from(copy(base));
  for (const id of names) {
    assert.equal(kb.articleMeta(id)?.title, `Article ${id}`, id);
    assert.equal(kb.category(id)?.title, `Category ${id}`, id);
    assert.match((await kb.article(id))!.html, new RegExp(`About ${id.replace(/_/g, '_')}`), id);
  }
  assert.deepEqual(
    kb.categoryPath('constructor').map((c) => c.id),
    ['__proto__', 'constructor'],
  );
  assert.equal(kb.categories().length, names.length);
  assert.equal(kb.search('constructor')[0]?.article.id, 'constructor');

  // Split bodies with the files of some articles missing: '' (the article has no body), never Object.prototype's members.
  const b: KbBundle = copy(bundleOf(articles, { categories, split: true }));
  b.bodyFiles = { toString: 'articles/toString.html' };
  const { fetch, requests } = recordingFetch({ 'http://kb.test/articles/toString.html': () => new Response('<p>ok</p>') });
  const kbSplit = KnowledgeBase.from(b, { baseUrl: 'http://kb.test/kb.json', fetch });
  for (const id of ['constructor', '__proto__', 'hasOwnProperty', 'valueOf']) assert.equal((await kbSplit.article(id))!.html, '', id);
  assert.equal((await kbSplit.article('toString'))!.html, '<p>ok</p>');
  assert.deepEqual(
    requests.map((r) => r.url),
    ['http://kb.test/articles/toString.html'],
  );

  // An inline bundle whose `bodies` lacks an article: '' as well.
  const inline = copy(base);
  inline.bodies = {};
  assert.equal((await KnowledgeBase.from(inline).article('constructor'))!.html, '');
});

test('lone surrogates: ids and references to them become well-formed (U+FFFD) at once, queries never throw', () => {
  const lone = 'bad\uD800id';
  const fixed = 'bad\uFFFDid';
  const b = copy(
    bundleOf(
      [
        article({ id: lone, title: 'Half \uDC00 pair', category: 'c\uDBFF', related: ['other\uDFFF'] }),
        article({ id: 'other\uDFFF', title: 'Other' }),
      ],
      {
        categories: [{ id: 'c\uDBFF', title: 'Cat', articleCount: 1, totalCount: 1 }],
      },
    ),
  );
  const kb = KnowledgeBase.from(b);
  assert.equal(kb.articleMeta(fixed)?.title, 'Half \uDC00 pair', 'text stays as written: only ids go into URLs');
  assert.equal(kb.articleMeta(lone)?.id, fixed, 'a host that asks with the lone surrogate finds it too');
  assert.equal(kb.category('c\uDBFF')?.id, 'c\uFFFD');
  assert.equal(kb.articleMeta(fixed)?.category, 'c\uFFFD');
  assert.equal(kb.category('c\uFFFD')?.title, 'Cat');
  assert.deepEqual(
    kb.related(fixed).map((a) => a.id),
    ['other\uFFFD'],
  );
  assert.doesNotThrow(() => encodeURIComponent(kb.articles()[0]!.id));
  for (const q of ['\uD800', 'half\uDC00', '\uDBFF\uDBFF pair', 'pa\uD800ir"', '"\uDC00']) {
    assert.doesNotThrow(() => kb.search(q), JSON.stringify(q));
    assert.doesNotThrow(() => kb.suggest(q), JSON.stringify(q));
  }
  assert.equal(kb.search('half pair\uD800')[0]?.article.id, fixed);
  assert.doesNotThrow(() => bodyFilePath(lone));
});
