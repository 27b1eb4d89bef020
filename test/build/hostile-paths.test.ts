/**
 * Hostile content, paths (issue 10): every path the build reads stays inside the content
 * folder, symbolic links included, and nothing a browser would run is published. Each case
 * asserts the safe outcome (nothing read, nothing published) and the diagnostic (file, line,
 * message). The "secrets" are decoy files the test puts beside the content folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collectArticles, type CollectResult } from '../../src/build/collect';
import { messagesOf, png, tempContent, tempContentBeside } from './helpers';

const DECOY = 'DECOY-SECRET-4f1c';
const decoys = {
  'decoy.txt': DECOY,
  'decoy.png': Buffer.concat([png(), Buffer.from(DECOY)]),
  'decoy.md': `# ${DECOY}\n`,
  'outside/x.md': `# ${DECOY}\n`,
};

const report = (kb: CollectResult) => messagesOf(kb.diagnostics);

/** Nothing of the decoys reached the bundle: no asset, no article, no HTML. */
function assertNothingLeaked(kb: CollectResult) {
  for (const content of kb.assets.values()) assert.ok(!Buffer.from(content).toString('latin1').includes(DECOY), 'an asset holds the decoy');
  const text = JSON.stringify(kb.articles);
  assert.ok(!text.includes(DECOY), 'an article holds the decoy');
}

describe('hostile paths: nothing outside the content folder is read', () => {
  it('../ in images and links, however written (%2e%2e, \\, raw HTML), is an error with its line; nothing is copied', async () => {
    const { content } = tempContentBeside(
      {
        'guide/a.md': [
          '# A', // 1
          '', // 2
          '![x](../../decoy.png)', // 3
          '[y](../../../../../../../../decoy.txt)', // 4
          '![z](%2e%2e/%2e%2e/decoy.png)', // 5
          '<a href="..\\..\\decoy.txt">w</a>', // 6
          '<img src="../../decoy.png" alt="raw">', // 7
          '', // 8
          '[ok](../b.md)', // 9
        ].join('\n'),
        'b.md': '# B\n',
      },
      decoys,
    );
    const kb = await collectArticles(content);
    assertNothingLeaked(kb);
    assert.equal(kb.assets.size, 0);
    const a = kb.articles.find((x) => x.id === 'guide-a')!;
    assert.doesNotMatch(a.html, /decoy/);
    assert.match(a.html, /<p>x\n/);
    assert.match(a.html, /<a href="#kb\/b">ok<\/a>/);
    assert.deepEqual(report(kb), [
      'guide/a.md:3 error outside-content: image "../../decoy.png" points outside the content folder (../decoy.png); nothing is read from there, its alt text is shown instead.',
      'guide/a.md:4 error outside-content: link "../../../../../../../../decoy.txt" points outside the content folder (../../../../../../../decoy.txt); nothing is read from there, the link is shown as text.',
      'guide/a.md:5 error outside-content: image "%2e%2e/%2e%2e/decoy.png" points outside the content folder (../decoy.png); nothing is read from there, its alt text is shown instead.',
      'guide/a.md:6 error outside-content: link "..\\..\\decoy.txt" points outside the content folder (../decoy.txt); nothing is read from there, the link is shown as text.',
      'guide/a.md:7 error outside-content: image "../../decoy.png" points outside the content folder (../decoy.png); nothing is read from there, its alt text is shown instead.',
    ]);
  });

  it('absolute paths and file: URLs are never read: a root path is no image of the bundle (dropped), file: is dropped', async () => {
    const { content, outside } = tempContentBeside({}, decoys);
    writeFileSync(
      join(content, 'a.md'),
      `# A\n\n![e](/proc/self/environ) ![d](${join(outside, 'decoy.png')})\n\n[f](file:///proc/self/environ) [site](/settings/dns)\n`,
    );
    const kb = await collectArticles(content);
    assertNothingLeaked(kb);
    assert.equal(kb.assets.size, 0);
    assert.equal(kb.articles[0].html, '<p>e d</p>\n<p>f <a href="/settings/dns">site</a></p>\n');
    const rootImage = (path: string, line: number) =>
      `a.md:${line} warning media-outside: image "${path}": a path from the site's root is outside the bundle, and images load only from the bundle's own files (write the path relative to the article: the build publishes the file) or from another site (a full https: URL); its alt text is shown instead.`;
    assert.deepEqual(report(kb), [
      rootImage('/proc/self/environ', 3),
      rootImage(join(outside, 'decoy.png'), 3),
      'a.md:5 warning unsafe-url: link to "file:///proc/self/environ": not a web address the elements follow (only http:, https:, mailto:, tel: and relative ones); the link is shown as text.',
    ]);
  });

  it('a symbolic link out of the folder is not followed: as an article, a folder, or an image or link target', async () => {
    const { content, outside } = tempContentBeside({ 'a.md': '# A\n\n![l](leak.png)\n\n[t](leak.txt)\n' }, decoys);
    symlinkSync(join(outside, 'decoy.png'), join(content, 'leak.png'));
    symlinkSync('../decoy.txt', join(content, 'leak.txt'));
    symlinkSync(join(outside, 'decoy.md'), join(content, 'leak.md'));
    symlinkSync(join(outside, 'outside'), join(content, 'docs'));
    symlinkSync('/proc/self/environ', join(content, 'environ.txt'));
    const kb = await collectArticles(content);
    assertNothingLeaked(kb);
    assert.deepEqual(
      kb.articles.map((x) => x.source),
      ['a.md'],
    );
    assert.equal(kb.assets.size, 0);
    const lines = report(kb);
    assert.deepEqual(lines.slice(0, 2), [
      'a.md:3 error outside-content: image "leak.png" is not published: it is outside the content folder (through a symbolic link); nothing is read from there, its alt text is shown instead.',
      'a.md:5 error outside-content: link "leak.txt" is not published: it is outside the content folder (through a symbolic link); nothing is read from there, the link is shown as text.',
    ]);
    for (const [file, target] of [
      ['docs', join(outside, 'outside')],
      ['environ.txt', '/proc/self/environ'],
      ['leak.md', join(outside, 'decoy.md')],
    ]) {
      assert.ok(
        lines.includes(
          `${file}:- error link-outside: symbolic link to "${target}": not followed, it is outside the content folder (through a symbolic link). The build reads only the content folder.`,
        ),
        `${file}: ${lines.join('\n')}`,
      );
    }
  });

  it('hidden files and node_modules are not content, even when an article points at them or a link leads there', async () => {
    const kb = await collectArticles(
      tempContent({
        'a.md': '# A\n\n[env](.env) [git](.git/config) [mod](node_modules/x/readme.txt) [via](env.txt)\n',
        '.env': `TOKEN=${DECOY}`,
        '.git/config': DECOY,
        'node_modules/x/readme.txt': DECOY,
      }),
    );
    assertNothingLeaked(kb);
    assert.equal(kb.assets.size, 0);
    assert.deepEqual(report(kb), [
      'a.md:3 error outside-content: link ".env" is not published: it is not content (.env is hidden); nothing is read from there, the link is shown as text.',
      'a.md:3 error outside-content: link ".git/config" is not published: it is not content (.git is hidden); nothing is read from there, the link is shown as text.',
      'a.md:3 error outside-content: link "node_modules/x/readme.txt" is not published: it is not content (it is in node_modules); nothing is read from there, the link is shown as text.',
      'a.md:3 warning missing-link: file "env.txt" not found (looked for env.txt); the link is shown as text.',
    ]);
  });

  it('a link inside the folder to a hidden file is not followed either', async () => {
    const content = tempContent({ 'a.md': '# A\n\n[t](notes.txt)\n', '.env': `TOKEN=${DECOY}` });
    symlinkSync('.env', join(content, 'notes.txt'));
    const kb = await collectArticles(content);
    assertNothingLeaked(kb);
    assert.ok(
      report(kb).includes(
        'notes.txt:- error link-outside: symbolic link to ".env": not followed, it is not content (.env is hidden). The build reads only the content folder.',
      ),
      report(kb).join('\n'),
    );
  });
});

describe('hostile paths: symbolic links inside the folder', () => {
  it('each real file once; a loop is reported and skipped (one `ln -s ..` no longer makes 41 articles)', async () => {
    const content = tempContent({ 'docs/a.md': '# A\n', 'docs/b.md': '# B\n' });
    symlinkSync('..', join(content, 'docs', 'loop'));
    symlinkSync('a.md', join(content, 'docs', 'alias.md'));
    const kb = await collectArticles(content);
    assert.deepEqual(kb.articles.map((a) => a.source).sort(), ['docs/a.md', 'docs/b.md']);
    assert.deepEqual(report(kb), [
      'docs/alias.md:- warning link-duplicate: symbolic link to "a.md": docs/a.md is already in the bundle; read once, under its own name.',
      'docs/loop:- warning link-loop: symbolic link to ".." goes round in a loop (it points at the content folder, which holds it); skipped.',
    ]);
  });

  it('two loops into each other end', async () => {
    const content = tempContent({ 'a/x.md': '# X\n', 'b/y.md': '# Y\n' });
    symlinkSync('../b', join(content, 'a', 'to-b'));
    symlinkSync('../a', join(content, 'b', 'to-a'));
    const kb = await collectArticles(content);
    assert.deepEqual(kb.articles.map((a) => a.source).sort(), ['a/x.md', 'b/y.md']);
    assert.deepEqual(report(kb), [
      'a/to-b:- warning link-duplicate: symbolic link to "../b": b is already in the bundle; read once, under its own name.',
      'b/to-a:- warning link-duplicate: symbolic link to "../a": a is already in the bundle; read once, under its own name.',
    ]);
  });

  it('a link to a folder inside is read once, under the link when the folder itself is not content', async () => {
    const content = tempContent({ 'a.md': '# A\n\n![s](shared/pic.png)\n', '.shared/pic.png': png(), 'guides/g.md': '# G\n' });
    symlinkSync('guides', join(content, 'also-guides'));
    const kb = await collectArticles(content);
    assert.deepEqual(kb.articles.map((a) => a.source).sort(), ['a.md', 'guides/g.md']);
    assert.ok(
      report(kb).includes(
        'also-guides:- warning link-duplicate: symbolic link to "guides": guides is already in the bundle; read once, under its own name.',
      ),
    );
  });

  it('a dangling .md link is a warning, not silently dropped; a pipe named .md is skipped, not waited on', async () => {
    const content = tempContent({ 'a.md': '# A\n' });
    symlinkSync('gone.md', join(content, 'dangling.md'));
    execFileSync('mkfifo', [join(content, 'pipe.md')]);
    const kb = await collectArticles(content);
    assert.deepEqual(
      kb.articles.map((a) => a.source),
      ['a.md'],
    );
    assert.deepEqual(report(kb), [
      'dangling.md:- warning broken-link: symbolic link to "gone.md", which does not exist; skipped.',
      'pipe.md:- warning not-a-file: not a regular file (a pipe, socket or device); skipped.',
    ]);
  });

  it('kb.config through a link out of the folder is not read', async () => {
    const { content, outside } = tempContentBeside({ 'a.md': '# A\n' }, { 'evil.json': '{ "title": "Stolen" }' });
    symlinkSync(join(outside, 'evil.json'), join(content, 'kb.config.json'));
    const kb = await collectArticles(content);
    assert.equal(kb.config.title, 'Help Center');
    assert.deepEqual(report(kb), [
      `kb.config.json:- error link-outside: symbolic link to "${join(outside, 'evil.json')}": not read, it is outside the content folder (through a symbolic link); used the default settings.`,
    ]);
  });
});

describe('hostile paths: nothing a browser runs is published', () => {
  it('.html, .js, .mjs, .xml and unknown files are refused with an error and not copied; the link becomes text', async () => {
    const long = `a.${'x'.repeat(250)}`;
    const kb = await collectArticles(
      tempContent({
        'a.md': `# A\n\n[guide](guide.html) [x](evil.js) [m](mod.mjs)\n\n![feed](feed.xml) [long](${long})\n\n<a href="page.htm">raw</a>\n`,
        'guide.html': '<script>alert(1)</script>',
        'evil.js': 'alert(1)',
        'mod.mjs': 'alert(1)',
        'feed.xml': '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
        [long]: 'x',
        'page.htm': '<script>alert(1)</script>',
      }),
    );
    assert.equal(kb.assets.size, 0);
    assert.doesNotMatch(kb.articles[0].html, /href=|src=/);
    assert.deepEqual(
      report(kb).sort(),
      [
        'a.md:3 error unpublished-file: file "guide.html" (guide.html) is not published: .html files are not published: a browser would run it as a page or script on your site; the link is shown as text.',
        'a.md:3 error unpublished-file: file "evil.js" (evil.js) is not published: .js files are not published: a browser would run it as a page or script on your site; the link is shown as text.',
        'a.md:3 error unpublished-file: file "mod.mjs" (mod.mjs) is not published: .mjs files are not published: a browser would run it as a page or script on your site; the link is shown as text.',
        'a.md:5 error unpublished-file: image "feed.xml" (feed.xml) is not published: .xml files are not published: a browser would run it as a page or script on your site; its alt text is shown instead.',
        `a.md:5 error unpublished-file: file "${long.slice(0, 77)}..." (${long}) is not published: .xxxxxxxxxxxxxxxx... files are not published (images, SVG, PDF and office documents, audio, video, plain text and archives are); the link is shown as text.`,
        'a.md:7 error unpublished-file: file "page.htm" (page.htm) is not published: .htm files are not published: a browser would run it as a page or script on your site; the link is shown as text.',
      ].sort(),
    );
  });

  it('an image that is not what its name says (HTML saved as .png) is refused', async () => {
    const kb = await collectArticles(tempContent({ 'a.md': '# A\n\n![p](pic.png)\n', 'pic.png': '<html><script>alert(1)</script>' }));
    assert.equal(kb.assets.size, 0);
    assert.deepEqual(report(kb), [
      'a.md:3 error unpublished-file: image "pic.png" (pic.png) is not published: its content is not what a .png file holds; its alt text is shown instead.',
    ]);
  });

  it('an SVG is published sanitized: no script, handler, foreignObject or reference elsewhere; a warning says what went', async () => {
    const svg =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' +
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" role="img" onload="alert(1)">' +
      '<title>Diagram</title><script>alert(2)</script><foreignObject><iframe src="javascript:alert(3)"></iframe></foreignObject>' +
      '<a xlink:href="javascript:alert(4)"><rect width="5" height="5" style="fill:#036"/></a><image href="https://tracker.example/p.png"/>' +
      '<style>@import url(https://tracker.example/x.css);</style><text>&b;</text></svg>';
    const kb = await collectArticles(tempContent({ 'a.md': '# A\n\n![Diagram](d.svg)\n\n[full size](d.svg)\n', 'd.svg': svg }));
    assert.equal(kb.assets.size, 1);
    const published = Buffer.from([...kb.assets.values()][0]).toString('utf8');
    assert.match(published, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(published, /<title>Diagram<\/title>/);
    assert.match(published, /role="img"/);
    assert.match(published, /<rect width="5" height="5" style="fill:#036"\/>/);
    assert.doesNotMatch(published, /script|onload|foreignObject|iframe|javascript|tracker|@import|ENTITY|aaaa/i);
    const [image, link] = report(kb);
    assert.match(
      image,
      /^a\.md:3 warning unsafe-svg: image "d\.svg": removed .*the event handler onload.*<script>.*<foreignObject>.* from the SVG; it is published without them\.$/,
    );
    assert.match(link, /^a\.md:5 warning unsafe-svg: file "d\.svg": removed /);
    assert.match(kb.articles[0].html, /<img src="assets\/d\.[0-9a-f]{10}\.svg" alt="Diagram">/);
  });

  it('a file that is not an SVG under an .svg name is refused', async () => {
    const kb = await collectArticles(
      tempContent({ 'a.md': '# A\n\n![p](x.svg)\n', 'x.svg': '<html><body><script>alert(1)</script></body></html>' }),
    );
    assert.equal(kb.assets.size, 0);
    assert.deepEqual(report(kb), [
      'a.md:3 error unpublished-file: image "x.svg" (x.svg) is not published: it is not an SVG image (it holds no <svg> image); its alt text is shown instead.',
    ]);
  });

  it('allowed types are published under content-hash names', async () => {
    const kb = await collectArticles(
      tempContent({
        'a.md': '# A\n\n![p](p.png) [pdf](guide.pdf) [zip](files.zip) [t](notes.txt)\n',
        'p.png': png(),
        'guide.pdf': '%PDF-1.7\n',
        'files.zip': 'PK\x03\x04',
        'notes.txt': 'plain',
      }),
    );
    assert.deepEqual([...kb.assets.keys()].map((p) => p.replace(/[0-9a-f]{10}/, 'H')).sort(), [
      'assets/files.H.zip',
      'assets/guide.H.pdf',
      'assets/notes.H.txt',
      'assets/p.H.png',
    ]);
    assert.deepEqual(report(kb), []);
  });

  it('a folder with a file in it does not need a separate symlink check per entry to stay inside', async () => {
    const content = tempContent({ 'a.md': '# A\n\n![p](img/p.png)\n', 'real/p.png': png() });
    mkdirSync(join(content, 'img'));
    symlinkSync('../real/p.png', join(content, 'img', 'p.png'));
    writeFileSync(join(content, 'img', 'note.txt'), 'x');
    const kb = await collectArticles(content);
    assert.equal(kb.assets.size, 1);
    assert.deepEqual(report(kb), []);
  });
});
