/**
 * The Skyhost Panel demo: a small single-page app (History API routing, no framework) that
 * uses kb-elements the way a control panel would: a launcher on every page, <kb-tip>s next
 * to settings, a search box in the top bar and a full help center page.
 */
// The element modules, by path: package.json marks only them as having side effects, so a
// production build would drop them behind the re-exports of src/index.ts.
import '../src/elements/kb-help/kb-help';
import '../src/elements/kb-launcher/kb-launcher';
import '../src/elements/kb-launcher/kb-launcher-panel';
import '../src/elements/kb-search/kb-search';
import '../src/elements/kb-tip/kb-tip';
import { installGlobalApi, VERSION } from '../src/index';
import { KB_URL } from './kb-url';
import { pageFor } from './pages';
import './styles.css';

const root = document.documentElement;
const outlet = document.getElementById('page')!;
const launcher = document.getElementById('launcher')!;
const search = document.querySelector('kb-search')!;

// --- theme: light / dark, remembered; the kb elements get the same theme ---

type Theme = 'light' | 'dark';
const themeToggle = document.getElementById('theme-toggle')!;
const storedTheme = localStorage.getItem('skyhost-theme');
let theme: Theme =
  storedTheme === 'dark' || storedTheme === 'light' ? storedTheme : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
const themeParam = new URLSearchParams(location.search).get('theme');
if (themeParam === 'dark' || themeParam === 'light') theme = themeParam;

function applyTheme(): void {
  root.dataset.theme = theme;
  themeToggle.setAttribute('aria-pressed', String(theme === 'dark'));
  for (const el of document.querySelectorAll('kb-launcher, kb-search, kb-tip, kb-help')) el.setAttribute('theme', theme);
}

themeToggle.addEventListener('click', () => {
  theme = theme === 'dark' ? 'light' : 'dark';
  localStorage.setItem('skyhost-theme', theme);
  applyTheme();
});

// --- routing ---

function render(): void {
  if (location.pathname === '/' || location.pathname === '/index.html') history.replaceState(null, '', '/dashboard');
  const page = pageFor(location.pathname);
  document.title = `${page.title} · Skyhost Panel`;
  outlet.innerHTML = page.html; // our own static markup (pages.ts), no user data
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.nav a')) {
    if (link.dataset.section === page.section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  applyTheme();
  wirePage();
}

function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  render();
  outlet.focus({ preventScroll: true });
  scrollTo(0, 0);
  closeMenu();
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a[data-link]') as HTMLAnchorElement | null;
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(new URL(link.href).pathname);
});
addEventListener('popstate', render);

/** Small behaviours of the page's own controls. */
function wirePage(): void {
  const tab = outlet.querySelector<HTMLElement>('.tabs [aria-current]');
  const tabs = tab?.parentElement;
  if (tab && tabs) tabs.scrollLeft = tab.offsetLeft - (tabs.clientWidth - tab.offsetWidth) / 2;
  const range = outlet.querySelector<HTMLInputElement>('#threshold');
  const output = outlet.querySelector('output');
  range?.addEventListener('input', () => {
    if (output) output.textContent = Number(range.value).toFixed(1);
  });
  outlet.querySelector('#settings-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const saved = outlet.querySelector('#saved');
    if (saved) saved.textContent = 'Saved.';
  });
  outlet.querySelector('#add-domain')?.addEventListener('click', () => {
    // The host's own flow would start here; the demo shows the matching article instead.
    window.kbElements?.openArticle('add-a-domain');
  });
}

// --- mobile menu ---

const menuButton = document.getElementById('menu-button')!;
const sidebar = document.getElementById('sidebar')!;
function closeMenu(): void {
  sidebar.classList.remove('open');
  menuButton.setAttribute('aria-expanded', 'false');
}
menuButton.addEventListener('click', () => {
  const open = sidebar.classList.toggle('open');
  menuButton.setAttribute('aria-expanded', String(open));
});

// --- kb-elements ---

for (const el of [launcher, search]) el.setAttribute('src', KB_URL);
// Tips without `src` use the launcher's bundle. Results picked in the top-bar search open in
// the launcher panel, so the user keeps their place in the panel.
search.addEventListener('kb-article-open', (event) => {
  event.preventDefault();
  window.kbElements?.openArticle(event.articleId, event.sectionId);
});

// A bundler app installs the same small global the script tag gives, if it wants one.
installGlobalApi({ version: VERSION, launcherAttributes: { src: KB_URL } });

render();
