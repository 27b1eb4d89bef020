// Page script of elements.html: no inline script, no eval. Gives the elements the small test
// knowledge base, and <kb-article> one whose article HTML carries style attributes, a <style>
// and inline handlers (the sanitizer must drop them, or the page would log CSP violations).
import { KnowledgeBase } from '../../../../src/core/index';
import '../../../../src/elements/kb-article-list/kb-article-list';
import '../../../../src/elements/kb-article/kb-article';
import '../../../../src/elements/kb-categories/kb-categories';
import '../../../../src/elements/kb-help/kb-help';
import '../../../../src/elements/kb-search/kb-search';
import { makeBundle, smallBundle } from '../../support/bundles';

const small = smallBundle();
const styled = makeBundle({
  categories: [{ id: 'c', title: 'Styled' }],
  articles: [
    {
      id: 'styled',
      title: 'An article with inline styles',
      category: 'c',
      sections: [{ heading: 'One', text: 'x' }, { heading: 'Two', text: 'y' }, { heading: 'Three', text: 'z' }],
      html:
        '<p style="color: red">Red text.</p><h2 id="one">One</h2><pre><code>code</code></pre><h2 id="two">Two</h2>' +
        '<table style="width: 2000px"><tr><td onclick="alert(1)">cell</td></tr></table><h2 id="three">Three</h2>' +
        '<style>p { color: blue }</style><img src="missing.png" onerror="alert(1)" alt="">',
    },
  ],
});
const kb = KnowledgeBase.from(small);
const styledKb = KnowledgeBase.from(styled);

for (const el of document.querySelectorAll('kb-search, kb-categories, kb-article-list, kb-article, kb-help')) {
  (el as HTMLElement & { knowledgeBase: KnowledgeBase }).knowledgeBase = el.localName === 'kb-article' ? styledKb : kb;
}
(window as unknown as { kbReady: boolean }).kbReady = true;
