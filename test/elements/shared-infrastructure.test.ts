import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, render } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KnowledgeBase } from '../../src/core/index';
import { KbArticleOpenEvent, KbFeedbackEvent, KbNavigateEvent, KbNoResultsEvent, KbSearchEvent } from '../../src/elements/shared/events';
import { textDirection } from '../../src/elements/shared/direction';
import { renderHighlighted } from '../../src/elements/shared/highlight';
import { clearSharedLoads, KbSource, loadShared, type KbSourceHost } from '../../src/elements/shared/kb-source';
import { articleHref } from '../../src/elements/shared/open-article';
import { readSession, writeSession } from '../../src/elements/shared/session';
import { sortArticles } from '../../src/elements/shared/sort-articles';
import { errorMessage, renderSourceState } from '../../src/elements/shared/state-view';
import { de } from '../../src/elements/locales/de';
import { nl } from '../../src/elements/locales/nl';
import {
  format,
  formatDate,
  formatNumber,
  KbI18n,
  plural,
  resolveLang,
  stringsFor,
  type KbStrings,
} from '../../src/elements/shared/strings';
import { tokens } from '../../src/elements/shared/tokens.styles';
import { bundleUrl, knowledgeBase, smallBundle } from './support/bundles';
import { withFetch, withHeldFetch } from './support/dom';
import { waitFor } from './support/frame';

@customElement('kb-test-source')
class KbTestSource extends LitElement implements KbSourceHost {
  static override styles = [tokens];
  @property() src = '';
  @property({ attribute: false }) knowledgeBase?: KnowledgeBase;
  @property({ attribute: false }) strings?: Partial<KbStrings>;
  readyCalls = 0;
  readonly source = new KbSource(this, { onReady: () => this.readyCalls++ });
  readonly i18n = new KbI18n(this);
  override render() {
    return this.source.knowledgeBase ? html`<p>${this.source.knowledgeBase.meta.title}</p>` : renderSourceState(this.source, this.i18n.t);
  }
}

/** Counts fetches of URLs containing `needle` while `body` runs. */
async function countFetches(needle: string, body: () => Promise<void>): Promise<number> {
  let count = 0;
  await withFetch((url) => {
    if (url.includes(needle)) count++;
    return undefined;
  }, body);
  return count;
}

describe('shared: events', () => {
  it('bubble out of shadow roots, carry their payload on the event and as detail', () => {
    const events = [
      new KbSearchEvent('dns', 3),
      new KbNoResultsEvent('xyz'),
      new KbArticleOpenEvent('a', 's'),
      new KbFeedbackEvent('a', false, 'too short'),
      new KbNavigateEvent('category', 'c'),
    ];
    for (const e of events) expect(e.bubbles && e.composed, e.type).to.be.true;
    expect(events.map((e) => e.type)).to.deep.equal(['kb-search', 'kb-no-results', 'kb-article-open', 'kb-feedback', 'kb-navigate']);
    expect(new KbArticleOpenEvent('a').cancelable).to.be.true;
    expect(new KbSearchEvent('q', 1).cancelable).to.be.false;
    expect(new KbArticleOpenEvent('a', 's').detail).to.deep.equal({ articleId: 'a', sectionId: 's' });
    expect(new KbArticleOpenEvent('a').detail).to.deep.equal({ articleId: 'a' });
    expect(new KbFeedbackEvent('a', true).detail).to.deep.equal({ articleId: 'a', helpful: true });
    const e = new KbSearchEvent('dns', 3);
    expect([e.query, e.resultCount, e.detail.query]).to.deep.equal(['dns', 3, 'dns']);
  });
});

describe('shared: KbSource', () => {
  beforeEach(() => clearSharedLoads());

  it('elements with the same src share one load; a later one is ready at once', async () => {
    const url = bundleUrl(smallBundle());
    const fetches = await countFetches(url, () =>
      withHeldFetch(url, async (release) => {
        const el = await fixture<HTMLDivElement>(
          html`<div><kb-test-source src=${url}></kb-test-source><kb-test-source src=${url}></kb-test-source></div>`,
        );
        const [a, b] = el.querySelectorAll<KbTestSource>('kb-test-source');
        expect(a!.source.state).to.equal('loading');
        release();
        await Promise.all([a!.source.ready, b!.source.ready]);
        await a!.updateComplete;
        expect(a!.shadowRoot!.textContent).to.contain('Skyhost help');
        expect(a!.source.knowledgeBase).to.equal(b!.source.knowledgeBase);
        const late = await fixture<KbTestSource>(html`<kb-test-source src=${url}></kb-test-source>`);
        expect(late.source.state).to.equal('ready');
        expect(late.readyCalls).to.equal(1);
      }),
    );
    expect(fetches).to.equal(1);
  });

  it('a knowledgeBase property wins over src and is ready synchronously', async () => {
    const kb = knowledgeBase();
    const el = await fixture<KbTestSource>(html`<kb-test-source src="/fallback-src.json" .knowledgeBase=${kb}></kb-test-source>`);
    expect(el.source.state).to.equal('ready');
    expect(el.source.knowledgeBase).to.equal(kb);
    el.knowledgeBase = undefined;
    await el.updateComplete;
    expect(el.source.state).to.equal('loading');
  });

  it('ignores the answer for a src that was replaced meanwhile', async () => {
    const first = bundleUrl(smallBundle());
    const second = bundleUrl({ ...smallBundle(), meta: { title: 'Second', locale: 'en' } });
    const el = await fixture<KbTestSource>(html`<kb-test-source src=${first}></kb-test-source>`);
    el.src = second;
    await el.updateComplete;
    await el.source.ready;
    await loadShared(first); // the replaced src's answer has come in, and been ignored
    await el.updateComplete;
    expect(el.source.knowledgeBase!.meta.title).to.equal('Second');
  });

  it('is idle without src and knowledgeBase, and renders nothing', async () => {
    const el = await fixture<KbTestSource>(html`<kb-test-source></kb-test-source>`);
    expect(el.source.state).to.equal('idle');
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('forgets a failed load, so retry() fetches again', async () => {
    const url = `/test/elements/missing-${Math.random()}.json`;
    const fetches = await countFetches(url, async () => {
      const el = await fixture<KbTestSource>(html`<kb-test-source src=${url}></kb-test-source>`);
      await waitFor(() => el.source.state === 'error', 'error state');
      expect((el.source.error as { kind?: string }).kind).to.equal('http');
      el.source.retry();
      expect(el.source.state).to.equal('loading');
      await waitFor(() => el.source.state === 'error', 'error again');
    });
    expect(fetches).to.equal(2);
    await loadShared(url).catch(() => undefined);
  });

  it('a successful retry in one element recovers every element that failed on that URL', async () => {
    const url = `/test/elements/appears-later-${Math.random()}.json`;
    const el = await fixture<HTMLDivElement>(
      html`<div><kb-test-source src=${url}></kb-test-source><kb-test-source src=${url}></kb-test-source></div>`,
    );
    const [a, b] = el.querySelectorAll<KbTestSource>('kb-test-source');
    await waitFor(() => a!.source.state === 'error' && b!.source.state === 'error', 'both failed');
    const good = bundleUrl(smallBundle());
    await withFetch(
      (requested) => (requested.includes('appears-later') ? good : undefined),
      async () => {
        a!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await waitFor(() => b!.source.state === 'ready', 'the other element recovered');
        await b!.updateComplete;
        expect(b!.shadowRoot!.textContent).to.contain('Skyhost help');
        expect(a!.source.knowledgeBase).to.equal(b!.source.knowledgeBase);
      },
    );
  });

  it('errorMessage explains each failure kind', () => {
    const t = stringsFor('en');
    expect(errorMessage(t, { kind: 'http', status: 404 })).to.equal('The server answered with error 404.');
    expect(errorMessage(t, { kind: 'network' })).to.equal(t.errorNetwork);
    expect(errorMessage(t, { kind: 'timeout' })).to.equal(t.errorTimeout);
    expect(errorMessage(t, { kind: 'version' })).to.equal(t.errorFormat);
    expect(errorMessage(t, new Error('boom'))).to.equal(t.errorUnknown);
  });

  it('state views are accessible', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    const source = { state: 'error', error: { kind: 'network' }, retry: () => undefined } as unknown as KbSource;
    render(renderSourceState(source, de), box);
    expect(box.textContent).to.contain('Die Hilfe konnte nicht geladen werden.');
    await expect(box).to.be.accessible();
    box.remove();
  });
});

describe('shared: strings', () => {
  it('has the same keys in en, de and nl, none empty', () => {
    const keys = Object.keys(stringsFor('en')).sort();
    for (const [lang, table] of Object.entries({ de, nl })) {
      expect(Object.keys(table).sort(), lang).to.deep.equal(keys);
      expect(
        Object.entries(table).filter(([, v]) => !v.trim()),
        lang,
      ).to.deep.equal([]);
    }
  });

  it('picks the table by primary language and applies overrides', () => {
    expect(stringsFor('de-AT').retry).to.equal('Erneut versuchen');
    expect(stringsFor('NL').retry).to.equal('Opnieuw proberen');
    expect(stringsFor('fr').retry).to.equal('Try again');
    expect(stringsFor('en', { retry: 'Again!' }).retry).to.equal('Again!');
  });

  it('formats numbers, dates and plurals per locale', () => {
    expect(formatNumber(4692, 'en')).to.equal('4,692');
    expect(formatNumber(4692, 'de')).to.equal('4.692');
    expect(formatNumber(4692, 'nl')).to.equal('4.692');
    expect(formatNumber(4692, 'not a tag!')).to.equal('4,692');
    expect(format(stringsFor('en').views, { count: formatNumber(4692, 'en') })).to.equal('Views: 4,692');
    expect(formatDate('2026-03-01', 'en')).to.equal('Mar 1, 2026');
    expect(formatDate('2026-03-01', 'de')).to.equal('01.03.2026');
    expect(formatDate('nonsense', 'en')).to.equal('');
    expect(formatDate(undefined, 'en')).to.equal('');
    expect(plural(stringsFor('en'), 'resultCount', 1, 'en')).to.equal('1 result');
    expect(plural(stringsFor('en'), 'resultCount', 1200, 'en')).to.equal('1,200 results');
    expect(plural(nl, 'articleCount', 1, 'nl')).to.equal('1 artikel');
    expect(format('{a} {b} {a}', { a: 1 })).to.equal('1 {b} 1');
  });

  it('resolves lang from the element, its ancestors across shadow roots, then <html>', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="nl"><span></span></div>`);
    const shadow = host.querySelector('span')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('b');
    shadow.append(inner);
    expect(resolveLang(inner)).to.equal('nl');
    inner.lang = 'de';
    expect(resolveLang(inner)).to.equal('de');
    const loose = document.createElement('i');
    document.body.append(loose);
    expect(resolveLang(loose)).to.equal(document.documentElement.lang || 'en');
    loose.remove();
  });

  it('KbI18n follows lang changes on the element itself', async () => {
    // The bundle never arrives, so the element keeps showing its loading text.
    await withFetch(
      (url) => (url.includes('/x-never.json') ? new Promise(() => {}) : undefined),
      async () => {
        const el = await fixture<KbTestSource>(html`<kb-test-source src="/x-never.json"></kb-test-source>`);
        expect(el.shadowRoot!.textContent).to.contain('Loading help…');
        el.setAttribute('lang', 'de');
        await waitFor(() => el.shadowRoot!.textContent!.includes('Hilfe wird geladen…'), 'German');
        expect(el.i18n.number(4692)).to.equal('4.692');
        expect([el.i18n.uiLang, el.i18n.dir]).to.deep.equal(['de', 'ltr']);
      },
    );
  });
});

describe('shared: direction of a language', () => {
  it('is right to left for languages written in right-to-left scripts, left to right otherwise', () => {
    for (const lang of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'yi', 'ckb', 'pa-Arab', 'az-Arab'])
      expect(textDirection(lang), lang).to.equal('rtl');
    for (const lang of ['en', 'de-CH', 'nl', 'ja', 'zh-Hant', 'ku', 'az', 'tr', 'not a tag!'])
      expect(textDirection(lang), lang).to.equal('ltr');
  });

  it('falls back to the likely script where Intl.Locale has no text info', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = ['getTextInfo', 'textInfo'].map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const);
    for (const [name] of saved) delete proto[name];
    try {
      expect(textDirection('dv')).to.equal('rtl');
      expect(textDirection('sd-PK')).to.equal('rtl');
      expect(textDirection('sr-Latn')).to.equal('ltr');
      expect(textDirection('uz-Cyrl')).to.equal('ltr');
    } finally {
      for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(proto, name, descriptor);
    }
  });
});

describe('shared: helpers', () => {
  it('renderHighlighted turns escaped text with <mark> into text and mark elements only', () => {
    const box = document.createElement('div');
    render(renderHighlighted('Set the <mark>spam</mark> filter &lt;img src=x onerror=alert(1)&gt; &amp; more'), box);
    expect(box.querySelectorAll('mark')).to.have.length(1);
    expect(box.querySelector('mark')!.textContent).to.equal('spam');
    expect(box.querySelector('img')).to.equal(null);
    expect(box.textContent).to.equal('Set the spam filter <img src=x onerror=alert(1)> & more');
    render(renderHighlighted('<b onclick="x()">raw</b>'), box);
    expect(box.querySelector('b')).to.equal(null);
  });

  it('sortArticles sorts by views, title (locale-aware, numeric) and date, keeping ties stable', () => {
    const a = (id: string, title: string, views: number, updated?: string) => ({
      id,
      title,
      views,
      updated,
      category: '',
      excerpt: '',
      tags: [],
      headings: [],
      related: [],
      context: [],
    });
    const list = [a('1', 'Zebra 10', 5, '2025-01-01'), a('2', 'zebra 9', 50), a('3', 'Äpfel', 5, '2026-01-01')];
    expect(sortArticles(list, 'order').map((x) => x.id)).to.deep.equal(['1', '2', '3']);
    expect(sortArticles(list, 'popularity').map((x) => x.id)).to.deep.equal(['2', '1', '3']);
    expect(sortArticles(list, 'title', 'de').map((x) => x.id)).to.deep.equal(['3', '2', '1']);
    expect(sortArticles(list, 'date').map((x) => x.id)).to.deep.equal(['3', '1', '2']);
  });

  it('articleHref fills and encodes the template', () => {
    expect(articleHref('/help/{id}#{section}', 'a b', 's/1')).to.equal('/help/a%20b#s%2F1');
    expect(articleHref('/help/{id}#{section}', 'x')).to.equal('/help/x');
    expect(articleHref(undefined, 'x')).to.equal(undefined);
  });

  it('session storage helpers store and remove (a throwing storage: see kb-search)', () => {
    writeSession('kb-test', 'v');
    expect(readSession('kb-test')).to.equal('v');
    writeSession('kb-test', '');
    expect(readSession('kb-test')).to.equal(undefined);
  });

  it('theme="auto" follows prefers-color-scheme live', async () => {
    const el = await fixture<KbTestSource>(html`<kb-test-source theme="auto" .knowledgeBase=${knowledgeBase()}></kb-test-source>`);
    try {
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(el).getPropertyValue('--_t-surface').trim()).to.equal('#161b22');
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(el).getPropertyValue('--_t-surface').trim()).to.equal('#ffffff');
    } finally {
      await emulateMedia({ colorScheme: 'no-preference' });
    }
  });

  it('tokens carry dark/auto themes and a forced-colors block', () => {
    const sheet = tokens.styleSheet!;
    const media = [...sheet.cssRules].filter((r): r is CSSMediaRule => r instanceof CSSMediaRule).map((r) => r.conditionText);
    expect(media).to.include.members(['(prefers-color-scheme: dark)', '(forced-colors: active)']);
    const text = [...sheet.cssRules].map((r) => r.cssText).join('\n');
    for (const prop of ['--kb-accent', '--kb-surface', '--kb-text', '--kb-radius', '--kb-spacing', '--kb-font'])
      expect(text).to.contain(prop);
  });
});
