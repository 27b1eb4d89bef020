/**
 * Direction and language: every element takes `dir` from its own language (the interface from
 * the language of its strings, the content from the article's `lang`), isolates dates, counts,
 * queries, titles and code from the text around them, and marks each title with its article's
 * language wherever it shows. Arabic has strings here (support/arabic.ts); Hebrew has none, so a
 * Hebrew page shows the English interface, left to right.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/kb-article/kb-article';
import '../../src/elements/kb-article-list/kb-article-list';
import '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-search/kb-search';
import '../../src/elements/kb-tip/kb-tip';
import type { KbArticle } from '../../src/elements/kb-article/kb-article';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import './support/arabic';
import { knowledgeBase, makeBundle } from './support/bundles';
import { $, $$, settled } from './support/dom';
import { waitFor } from './support/frame';

const kb = knowledgeBase(
  makeBundle({
    title: 'Skyhost help',
    categories: [{ id: 'email', title: 'Email' }],
    articles: [
      {
        id: 'dns-records',
        title: 'DNS records for mail',
        category: 'email',
        views: 1800,
        updated: '2026-10-02',
        related: ['spamfilter', 'quarantine-ar'],
        intro: 'Point your MX records at the Skyhost filter hosts.',
        html: '<p>Run <code>dig +short MX example.com</code> to check the records.</p><h2 id="mx">MX records</h2><p>Two hosts.</p>',
        sections: [{ heading: 'MX records', text: 'Two hosts.', id: 'mx' }],
      },
      {
        id: 'spamfilter',
        title: 'Den Spamfilter einstellen',
        lang: 'de',
        category: 'email',
        views: 900,
        updated: '2026-09-01',
        intro: 'Der Schwellenwert bestimmt, wie streng der Spamfilter ist.',
      },
      {
        id: 'quarantine-ar',
        title: 'إخراج الرسائل من الحجر',
        lang: 'ar',
        category: 'email',
        views: 700,
        updated: '2026-10-02',
        intro: 'تنتظر الرسائل التي أوقفها المرشّح في الحجر مدة 30 يومًا.',
        html: '<p>تنتظر الرسائل التي أوقفها المرشّح في الحجر مدة 30 يومًا. استخدم الأمر <code>release --all</code> لإخراجها كلها.</p>',
      },
    ],
  }),
);

const direction = (node: Element) => getComputedStyle(node).direction;
/** The language that applies to `node` inside its shadow root (or the page). */
const langOf = (node: Element) => node.closest('[lang]')?.getAttribute('lang') ?? '';
/** Whether `node` or an ancestor up to `root` is isolated from the text around it (`<bdi>`, `dir`, `unicode-bidi: isolate`). */
function isolated(node: Element, root: Element): boolean {
  for (let n: Element | null = node; n && n !== root; n = n.parentElement) {
    if (n.localName === 'bdi' || /isolate/.test(getComputedStyle(n).unicodeBidi)) return true;
  }
  return false;
}
/** The element in `root` whose own text is `text` (the innermost). */
function byText(root: ParentNode, text: string): Element {
  const found = [...root.querySelectorAll('*')].filter((el) => el.textContent!.trim() === text);
  if (!found.length) throw new Error(`no element with the text "${text}"`);
  return found.at(-1)!;
}

async function article(id: string, attrs: { dir?: string; lang?: string } = {}) {
  const wrapper = await fixture<HTMLElement>(
    html`<div dir=${attrs.dir ?? 'ltr'} lang=${attrs.lang ?? 'en'}><kb-article .knowledgeBase=${kb} article-id=${id}></kb-article></div>`,
  );
  const el = wrapper.querySelector<KbArticle>('kb-article')!;
  await settled(el);
  await waitFor(() => $(el, 'h1'), 'article shown');
  return el;
}

describe('direction and language', () => {
  beforeEach(() => sessionStorage.clear());

  it('an English article on a right-to-left page without strings of its language reads left to right, interface and content', async () => {
    const el = await article('dns-records', { dir: 'rtl', lang: 'he' });
    expect(direction($(el, '[part="meta"]')), '"Updated 2 Oct 2026", not "2026 Oct 2 Updated"').to.equal('ltr');
    expect(direction($(el, '[part="feedback"] p')), '"Was this article helpful?", not "?Was this article helpful"').to.equal('ltr');
    expect(langOf($(el, '[part="feedback"] p')), 'the interface is marked as the English it is').to.equal('en');
    expect(direction($(el, 'h1'))).to.equal('ltr');
    expect(direction($(el, '.body p'))).to.equal('ltr');
    expect(direction($(el, '.body code')), 'code reads left to right').to.equal('ltr');
  });

  it('an Arabic article on an English page runs right to left, while the interface stays left to right', async () => {
    const el = await article('quarantine-ar');
    expect(langOf($(el, 'h1'))).to.equal('ar');
    expect(direction($(el, 'h1'))).to.equal('rtl');
    expect(direction($(el, '.body p'))).to.equal('rtl');
    expect(direction($(el, '.body code')), 'code inside it still reads left to right').to.equal('ltr');
    expect(isolated($(el, '.body code'), el), 'and is isolated from the Arabic around it').to.be.true;
    expect(direction($(el, '[part="feedback"] p'))).to.equal('ltr');
  });

  it('an interface in a right-to-left language lays out right to left from the language alone (no dir on the page)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar"><kb-search .knowledgeBase=${kb} storage-key=""></kb-search></div>`);
    const el = wrapper.querySelector('kb-search')!;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input').placeholder).to.equal('ابحث في مقالات المساعدة');
    expect(direction($(el, 'input'))).to.equal('rtl');
    const field = $(el, '.field').getBoundingClientRect();
    const icon = $(el, '.icon').getBoundingClientRect();
    expect(icon.left - field.left, 'the search icon at the start, on the right').to.be.greaterThan(field.right - icon.right);
  });

  it('isolates dates, counts and queries from the sentence around them', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar">
      <kb-article-list .knowledgeBase=${kb} category="email"></kb-article-list>
      <kb-help .knowledgeBase=${kb}></kb-help>
    </div>`);
    const list = wrapper.querySelector('kb-article-list')!;
    await list.updateComplete;
    const meta = $$(list, '[part="meta"]')[0]!;
    const date = [...meta.querySelectorAll('*')].find((n) => /2026/.test(n.textContent!) && !/حُدّث/.test(n.textContent!));
    expect(date, `a date element of its own in "${meta.textContent!.trim()}"`).to.exist;
    expect(isolated(date!, list)).to.be.true;
    const views = [...meta.querySelectorAll('*')].find((n) => /[0-9٠-٩]/.test(n.textContent!) && !/المشاهدات/.test(n.textContent!));
    expect(views, 'a count element of its own').to.exist;
    expect(isolated(views!, list)).to.be.true;

    const help = wrapper.querySelector<KbHelp>('kb-help')!;
    await settled(help);
    help.search('DNS records');
    await help.updateComplete;
    const title = $(help, 'h1');
    const query = [...title.querySelectorAll('*')].find((n) => n.textContent === 'DNS records');
    expect(query, `the query in an element of its own in "${title.textContent}"`).to.exist;
    expect(isolated(query!, help)).to.be.true;
  });

  it('marks titles with their article’s language everywhere they show, and isolates them', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <kb-search .knowledgeBase=${kb} storage-key=""></kb-search>
      <kb-article-list .knowledgeBase=${kb} category="email"></kb-article-list>
      <kb-article .knowledgeBase=${kb} article-id="dns-records"></kb-article>
      <kb-help .knowledgeBase=${kb}></kb-help>
      <label for="f">Filter</label><input id="f" /><kb-tip for="f" article="spamfilter" .knowledgeBase=${kb}></kb-tip>
    </div>`);
    const german = 'Den Spamfilter einstellen';
    const arabic = 'إخراج الرسائل من الحجر';

    const search = wrapper.querySelector('kb-search')!;
    $<HTMLInputElement>(search, 'input').focus();
    await sendKeys({ type: 'Spamfilter' });
    await search.updateComplete;
    expect(langOf(byText($(search, '[role="option"]'), german)), 'search option').to.equal('de');

    const list = wrapper.querySelector('kb-article-list')!;
    await list.updateComplete;
    expect(langOf(byText(list.shadowRoot!, german)), 'article list').to.equal('de');
    expect(langOf(byText(list.shadowRoot!, arabic))).to.equal('ar');
    expect(direction(byText(list.shadowRoot!, arabic)), 'an Arabic title in an English list').to.equal('rtl');

    const shown = wrapper.querySelector('kb-article')!;
    await settled(shown as never);
    const related = await waitFor(() => $(shown, '[part="related"]'), 'related articles');
    expect(langOf(byText(related, german)), 'related articles').to.equal('de');
    expect(langOf(byText(related, arabic))).to.equal('ar');

    const help = wrapper.querySelector<KbHelp>('kb-help')!;
    await settled(help);
    const popular = await waitFor(() => $(help, 'kb-article-list'), 'popular list');
    await settled(popular as never);
    expect(langOf(byText(popular.shadowRoot!, german)), 'popular articles').to.equal('de');
    help.search('Spamfilter');
    await help.updateComplete;
    expect(langOf(byText($(help, '[part="hit"]'), german)), 'search results page').to.equal('de');

    const tip = wrapper.querySelector('kb-tip')!;
    tip.show();
    await tip.updateComplete;
    expect(langOf($(tip, '[part="title"]')), 'tip title').to.equal('de');
    expect(langOf($(tip, '[part="text"]')), 'tip text').to.equal('de');
  });
});
