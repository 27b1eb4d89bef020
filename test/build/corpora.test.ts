/** Real content: the docker-mailserver docs (MkDocs) and a slice of tldr pages (Arabic, RTL). */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createBundle, type BuildResult } from '../../src/build/build-bundle';
import { KnowledgeBase, validateBundle } from '../../src/core/index';
import { projectRoot } from './helpers';

const corpora = join(projectRoot, '../shared/corpora');
const mailserver = join(corpora, 'docker-mailserver-docs');

function markdownFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path, `${prefix}${name}/`);
    return name.endsWith('.md') ? [`${prefix}${name}`] : [];
  });
}

describe('docker-mailserver docs (MkDocs)', { skip: !existsSync(mailserver) && 'corpus not found' }, () => {
  let result: BuildResult;
  before(async () => {
    result = await createBundle({ contentDir: mailserver });
  });

  it('every one of the 51 pages is in the bundle or in the report, with no errors', () => {
    const files = markdownFiles(mailserver);
    assert.equal(files.length, 51);
    const sources = new Set(result.collected.articles.map((a) => a.source));
    const reported = new Set(result.diagnostics.map((d) => d.file));
    for (const file of files) assert.ok(sources.has(file) || reported.has(file), file);
    assert.equal(result.stats.articles, 51);
    assert.equal(result.stats.errors, 0, JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error')));
  });

  it('turns admonitions and content tabs into HTML, and relative .md links into article links', () => {
    const html = result.collected.articles.map((a) => a.html).join('\n');
    assert.doesNotMatch(html, /^(!!!|\?\?\?|===) /m);
    assert.match(html, /<div class="alert alert-(note|info|tip|warning)">/);
    assert.match(html, /<div class="tabs">/);
    assert.match(html, /href="#kb\/config-environment\//);
    assert.doesNotMatch(html, /href="[^"#:]+\.md(#[^"]*)?"/);
  });

  it('takes titles from front matter and keeps the folder tree as categories', () => {
    const kb = KnowledgeBase.from(validateBundle(JSON.parse(JSON.stringify(result.bundle))));
    assert.equal(kb.articleMeta('config-environment')?.title, 'Environment Variables');
    assert.deepEqual(
      kb.categoryPath('config-advanced-mail-forwarding').map((c) => c.id),
      ['config', 'config-advanced', 'config-advanced-mail-forwarding'],
    );
    const hit = kb.search('OVERRIDE_HOSTNAME')[0];
    assert.equal(hit.article.id, 'config-environment');
    assert.equal(hit.section?.id, 'override_hostname');
  });

  it('reports the links whose targets really are missing, with file and line', () => {
    const missing = result.diagnostics.filter((d) => d.code === 'missing-anchor').map((d) => `${d.file}:${d.line}`);
    assert.ok(missing.includes('faq.md:86'), missing.join(', '));
  });
});

describe('tldr pages in Arabic', { skip: !existsSync(join(corpora, 'tldr-pages-i18n/pages.ar')) && 'corpus not found' }, () => {
  it('builds every page, and {{placeholders}} inside code are not reported', async () => {
    const dir = join(corpora, 'tldr-pages-i18n/pages.ar');
    const result = await createBundle({ contentDir: dir });
    assert.equal(result.stats.articles, markdownFiles(dir).length);
    assert.equal(result.diagnostics.filter((d) => d.code === 'template-syntax').length, 0);
    assert.equal(result.stats.errors, 0);
    const article = result.collected.articles.find((a) => a.id === 'common-tar');
    assert.ok(article && /[\u0600-\u06ff]/.test(article.excerpt), article?.excerpt);
  });
});
