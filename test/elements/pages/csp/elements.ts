// Page script of elements.html: no inline script, no eval. Gives the elements the small test
// knowledge base, and <kb-article> one whose article HTML carries style attributes, a <style>
// and inline handlers (styled-article.ts; the sanitizer must drop them, and if it did not, the
// policy must keep them from running or applying).
import { KnowledgeBase } from '../../../../src/core/index';
import '../../../../src/elements/kb-article-list/kb-article-list';
import '../../../../src/elements/kb-article/kb-article';
import '../../../../src/elements/kb-categories/kb-categories';
import '../../../../src/elements/kb-help/kb-help';
import '../../../../src/elements/kb-search/kb-search';
import { makeBundle, smallBundle } from '../../support/bundles';
import { STYLED_ARTICLE_HTML } from './styled-article';

const small = smallBundle();
const styled = makeBundle({
  categories: [{ id: 'c', title: 'Styled' }],
  articles: [
    {
      id: 'styled',
      title: 'An article with inline styles',
      category: 'c',
      sections: [
        { heading: 'One', text: 'x' },
        { heading: 'Two', text: 'y' },
        { heading: 'Three', text: 'z' },
      ],
      html: STYLED_ARTICLE_HTML,
    },
  ],
});
const kb = KnowledgeBase.from(small);
// `?csp&plain`: the same page without the hostile article.
const plain = new URLSearchParams(location.search).has('plain');
const styledKb = plain ? kb : KnowledgeBase.from(styled);
if (plain) document.querySelector('kb-article')!.setAttribute('article-id', 'dns-records');

for (const el of document.querySelectorAll('kb-search, kb-categories, kb-article-list, kb-article, kb-help')) {
  (el as HTMLElement & { knowledgeBase: KnowledgeBase }).knowledgeBase = el.localName === 'kb-article' ? styledKb : kb;
}
(window as unknown as { kbReady: boolean }).kbReady = true;
