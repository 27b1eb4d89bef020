// Screenshots to look at: <kb-help> with the demo knowledge base (light, dark, right to
// left, 320 px, several views), the embedded elements on a host page (the launcher panel with
// results, an article in it, an open tip: 320, 390 and 1280 px, light and dark, left to right
// and right to left), then the demo control panel in light and dark.
// `node scripts/screenshots.mjs [outDir] [--only help|embed|demo]` (default /tmp/kb-screenshots).
// Not part of the tests; nothing is committed.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { describeChromium, findChromium } from './chromium.mjs';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
const wanted = (section) => !only || only === section;
const out = args[0] ?? '/tmp/kb-screenshots';
mkdirSync(out, { recursive: true });
if (!existsSync('test/fixtures/generated/demo/kb.json')) {
  execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/build-fixtures.ts'], { stdio: 'inherit' });
}

const SHOTS = [
  { name: 'light-home', width: 1100 },
  { name: 'light-article', width: 1100, view: 'article:archive-storage' },
  { name: 'light-search', width: 1100, view: 'search:spam filter' },
  { name: 'light-category', width: 1100, view: 'category:email-filtering' },
  { name: 'dark-home', width: 1100, theme: 'dark' },
  { name: 'dark-article', width: 1100, theme: 'dark', view: 'article:dns-records' },
  { name: 'rtl-home', width: 900, dir: 'rtl', lang: 'ar' },
  { name: 'rtl-article', width: 900, dir: 'rtl', lang: 'ar', view: 'article:spam-filter-threshold' },
  { name: 'narrow-home', width: 320 },
  { name: 'narrow-article', width: 320, view: 'article:archive-storage' },
  { name: 'narrow-search', width: 320, view: 'search:quarantine' },
  { name: 'de-home', width: 800, lang: 'de' },
  { name: 'light-typing', width: 1100, type: 'spam fil' },
  { name: 'narrow-typing', width: 320, type: 'dkim' },
];

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
const server = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', server: { port: 0, host: 'localhost' } });
await server.listen();
const base = server.resolvedUrls.local[0];
const chromium = await findChromium();
console.log(describeChromium(chromium));
const browser = await puppeteer.launch({ executablePath: chromium.executablePath, args: chromium.args, headless: true });
/** Walks `selectors` down through shadow roots (runs in the page). */
const inShadow = (selectors) => {
  let node = document;
  for (const selector of selectors) node = node && (node.shadowRoot ?? node).querySelector(selector);
  return node;
};
const PANEL = ['kb-launcher', 'kb-launcher-panel'];
const HELP = [...PANEL, 'kb-help'];
try {
  for (const shot of wanted('help') ? SHOTS : []) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`${shot.name}: ${e.message}`));
    await page.setViewport({ width: shot.width, height: 900 });
    const query = new URLSearchParams(Object.entries(shot).filter(([k]) => !['name', 'width', 'type'].includes(k)));
    await page.goto(`${base}test/elements/pages/screenshot.html?${query}`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(
      () => {
        const help = document.querySelector('kb-help')?.shadowRoot;
        const article = help?.querySelector('kb-article')?.shadowRoot;
        return (
          help?.querySelector('[part="view"]') && (!help.querySelector('kb-article') || article?.querySelector('h1, .kb-state--empty'))
        );
      },
      { timeout: 15000 },
    );
    if (shot.type) {
      const input = await page.evaluateHandle(() =>
        document.querySelector('kb-help').shadowRoot.querySelector('kb-search').shadowRoot.querySelector('input'),
      );
      await input.focus();
      await page.keyboard.type(shot.type);
    }
    await new Promise((r) => setTimeout(r, 300));
    const file = join(out, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    if (shot.width <= 400) {
      // Narrow pages are very tall: also save them in parts that stay readable at full size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, part = 1; y < height && part <= 3; y += 1000, part++) {
        const clip = { x: 0, y, width: shot.width, height: Math.min(1000, height - y) };
        await page.screenshot({ path: join(out, `${shot.name}-${part}.png`), clip, captureBeyondViewport: true });
      }
    }
    await page.close();
  }

  // The embedded elements on a host page: the launcher panel (results typed into it, an article
  // with "Still need help?"), an open tip; phones (mobile viewport, touch) and a desktop.
  const EMBED_SCENES = ['results', 'article', 'tip'];
  const embedShots = [];
  for (const width of [320, 390, 1280]) {
    for (const theme of ['light', 'dark']) {
      for (const dir of ['ltr', 'rtl']) {
        for (const scene of EMBED_SCENES) embedShots.push({ name: `embed-${width}-${theme}-${dir}-${scene}`, width, theme, dir, scene });
      }
    }
  }
  // The reverse: an Arabic article on an English page.
  for (const width of [390, 1280])
    embedShots.push({
      name: `embed-${width}-light-ltr-arabic-article`,
      width,
      theme: 'light',
      dir: 'ltr',
      scene: 'article',
      content: 'ar',
    });
  for (const shot of wanted('embed') ? embedShots : []) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`${shot.name}: ${e.message}`));
    const phone = shot.width < 600;
    await page.setViewport({ width: shot.width, height: phone ? 700 : 800, isMobile: phone, hasTouch: phone, deviceScaleFactor: 1 });
    const query = new URLSearchParams({ theme: shot.theme, dir: shot.dir, ...(shot.content ? { content: shot.content } : {}) });
    await page.goto(`${base}test/elements/pages/embed-screenshot.html?${query}`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => window.kbReady, { timeout: 15000 });
    const panelShown = (view) =>
      page.waitForFunction(
        (help, view) => {
          let node = document;
          for (const selector of help) node = node && (node.shadowRoot ?? node).querySelector(selector);
          return node?.shadowRoot?.querySelector(`[part="view"][data-view="${view}"]`);
        },
        { timeout: 15000 },
        HELP,
        view,
      );
    if (shot.scene === 'results') {
      await (await page.evaluateHandle(inShadow, ['kb-launcher', 'button'])).click();
      await panelShown('home');
      await page.waitForFunction(
        (path) => {
          let node = document;
          for (const selector of path) node = node && (node.shadowRoot ?? node).querySelector(selector);
          return node && node.shadowRoot?.activeElement?.localName === 'input';
        },
        { timeout: 15000 },
        [...HELP, 'kb-search'],
      );
      await page.keyboard.type(shot.dir === 'rtl' ? 'spam filter' : 'spam fil');
    } else if (shot.scene === 'article') {
      await page.evaluate(
        (id) => document.querySelector('kb-launcher').openArticle(id),
        shot.content ? 'quarantine-ar' : 'spam-filter-threshold',
      );
      await panelShown('article');
    } else {
      await (await page.evaluateHandle(inShadow, ['kb-tip', 'button'])).click();
    }
    await new Promise((r) => setTimeout(r, 600));
    const file = join(out, `${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
if (!wanted('demo')) process.exit(0);

// The demo control panel (`npm run demo`), light and dark: pages, an open tip, the launcher.
const DEMO_SHOTS = [
  { name: 'demo-light-dashboard', path: '/dashboard', width: 1280 },
  { name: 'demo-dark-dashboard', path: '/dashboard', width: 1280, theme: 'dark' },
  { name: 'demo-light-settings-tip', path: '/settings/spam-filter', width: 1280, tip: true },
  { name: 'demo-dark-settings-tip', path: '/settings/spam-filter', width: 1280, theme: 'dark', tip: true },
  { name: 'demo-light-domains-launcher', path: '/domains', width: 1280, launcher: true },
  { name: 'demo-dark-quarantine-launcher', path: '/quarantine', width: 1280, theme: 'dark', launcher: true },
  { name: 'demo-dark-help', path: '/help', width: 1280, theme: 'dark' },
  { name: 'demo-narrow-launcher', path: '/settings/archive', width: 390, launcher: true },
];

const demo = await createServer({
  configFile: 'demo/vite.config.ts',
  configLoader: 'runner',
  logLevel: 'error',
  server: { port: 0, host: 'localhost' },
});
await demo.listen();
const demoBase = demo.resolvedUrls.local[0].replace(/\/$/, '');
const demoBrowser = await puppeteer.launch({ executablePath: chromium.executablePath, args: chromium.args, headless: true });
try {
  for (const shot of DEMO_SHOTS) {
    const page = await demoBrowser.newPage();
    page.on('pageerror', (e) => console.error(`${shot.name}: ${e.message}`));
    await page.setViewport({ width: shot.width, height: 820 });
    await page.goto(`${demoBase}${shot.path}?theme=${shot.theme ?? 'light'}`, { waitUntil: 'networkidle0' });
    if (shot.tip) {
      await (await page.evaluateHandle(inShadow, ['kb-tip', 'button'])).click();
    }
    if (shot.launcher) {
      await (await page.evaluateHandle(inShadow, ['kb-launcher', 'button'])).click();
      await page
        .waitForFunction(
          () => {
            const panel = document.querySelector('kb-launcher')?.shadowRoot?.querySelector('kb-launcher-panel');
            const help = panel?.shadowRoot?.querySelector('kb-help');
            return help?.shadowRoot?.querySelector('[part="view"]');
          },
          { timeout: 15000 },
        )
        .catch(() => console.error(`${shot.name}: the launcher panel did not show the help center`));
    }
    await new Promise((r) => setTimeout(r, 600));
    const file = join(out, `${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
} finally {
  await demoBrowser.close();
  await demo.close();
}
