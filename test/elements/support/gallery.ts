// Page script of gallery.html: kb-search (results open, and no results), kb-categories (index
// and one category), kb-article-list (sortable, paginated) on the demo knowledge base, set up
// from the query: theme, dir, lang. For looking at them (screenshots), not used by the tests.
import '../../../src/elements/kb-article-list/kb-article-list';
import '../../../src/elements/kb-categories/kb-categories';
import '../../../src/elements/kb-search/kb-search';
import type { KbSearch } from '../../../src/elements/kb-search/kb-search';
import { DEMO_BUNDLE_URL } from './bundles';

const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'dark') document.body.classList.add('dark');
if (params.get('dir')) document.documentElement.dir = params.get('dir')!;
if (params.get('lang')) document.documentElement.lang = params.get('lang')!;

const main = document.querySelector('main')!;
function add(title: string, tag: string, attrs: Record<string, string>, slotClass = ''): HTMLElement {
  const section = document.createElement('section');
  if (slotClass) section.className = slotClass;
  const h = document.createElement('h2');
  h.textContent = title;
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries({ src: DEMO_BUNDLE_URL, ...attrs })) el.setAttribute(k, v);
  if (theme) el.setAttribute('theme', theme);
  section.append(h, el);
  main.append(section);
  return el;
}

const search = add('kb-search', 'kb-search', { hotkey: '', 'storage-key': '' }, 'search-slot') as KbSearch;
const only = params.get('only');
if (!only || only === 'categories') {
  add('kb-categories', 'kb-categories', {});
  add('kb-categories (one category)', 'kb-categories', { selected: 'email-filtering-incoming', 'page-size': '3' });
}
if (!only || only === 'list')
  add('kb-article-list (popular, sortable)', 'kb-article-list', { limit: '12', 'page-size': '4', sortable: '' });

void customElements.whenDefined('kb-search').then(async () => {
  const loading = () =>
    [...main.querySelectorAll('kb-search, kb-categories, kb-article-list')].some(
      (el) => !el.shadowRoot || el.shadowRoot.querySelector('.kb-state--loading'),
    );
  while (loading()) await new Promise((r) => requestAnimationFrame(r));
  search.search(params.get('q') ?? 'spam filtr');
  search.focus();
  (window as unknown as { galleryReady: boolean }).galleryReady = true;
});
