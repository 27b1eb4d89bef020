// A few checks on real documentation (the mail-server docs in ../shared/corpora), through the
// build's real content pipeline.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { collectArticles } from '../../src/build/collect';
import { assembleBundle, KnowledgeBase } from '../../src/core/index';

const DIR = '../shared/corpora/docker-mailserver-docs';

test(
  'mail-server docs: the right page first for typed, misspelled and half-typed queries',
  { skip: !existsSync(DIR) && 'corpus not present' },
  async () => {
    const { articles, categories } = await collectArticles(DIR);
    const bundle = JSON.parse(JSON.stringify(assembleBundle({ meta: { title: 'DMS', locale: 'en' }, categories, articles })));
    const kb = await KnowledgeBase.fromAsync(bundle);
    const source = new Map(articles.map((a) => [a.id, a.source]));
    const first = (q: string) => source.get(kb.search(q)[0]?.article.id ?? '');
    assert.equal(first('fail2ban'), 'config/security/fail2ban.md');
    assert.equal(first('fial2ban'), 'config/security/fail2ban.md');
    // The FAQ's "How to ban custom IP addresses with Fail2ban" is as good an answer.
    assert.ok(['config/security/fail2ban.md', 'faq.md'].includes(first('how do I ban an ip address')!));
    assert.equal(first('dkim dmarc sp'), 'config/best-practices/dkim_dmarc_spf.md');
    assert.equal(first('kuberntes'), 'config/advanced/kubernetes.md');
    assert.equal(first('setup.sh'), 'config/setup.sh.md');
    const [hit] = kb.search('rspamd web interface');
    assert.equal(source.get(hit!.article.id), 'config/security/rspamd.md');
    assert.ok(hit!.section, 'points at a section');
    assert.match(hit!.snippetHtml, /<mark>/);
    assert.ok(kb.search('sieve').length <= 10);
  },
);
