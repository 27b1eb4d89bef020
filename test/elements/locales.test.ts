/**
 * Languages beyond the built-in English: tables registered at any time, resolution by tag,
 * and the on-demand loading of language files that the single-file build turns on.
 * This file imports no language module up front: each test registers what it needs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/kb-search/kb-search';
import type { KbSearch } from '../../src/elements/kb-search/kb-search';
import { loadLanguagesFrom } from '../../src/elements/shared/locale-loader';
import { registeredLanguages, registerStrings } from '../../src/elements/shared/locale-registry';
import { stringsFor } from '../../src/elements/shared/strings';
import { knowledgeBase, smallBundle } from './support/bundles';
import { $, quiet } from './support/dom';
import { waitFor } from './support/frame';

const kb = knowledgeBase(smallBundle());

async function search(lang: string) {
  const el = await fixture<KbSearch>(html`<kb-search lang=${lang} .knowledgeBase=${kb} storage-key=""></kb-search>`);
  await el.updateComplete;
  return el;
}

const placeholder = (el: KbSearch) => $<HTMLInputElement>(el, 'input').placeholder;
const languageScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[src*="kb-elements."]')];

describe('languages: registered tables', () => {
  it('re-renders a connected element when its language is registered later, English until then', async () => {
    const el = await search('fr');
    expect(placeholder(el)).to.equal('Search help articles');
    registerStrings('fr', { searchPlaceholder: 'Rechercher dans l’aide' });
    await el.updateComplete;
    expect(placeholder(el)).to.equal('Rechercher dans l’aide');
    // Keys the table leaves out stay English.
    expect($(el, 'input').getAttribute('aria-label')).to.equal('Search help');
    await expect(el).to.be.accessible();
  });

  it('loads German by importing its module after the element rendered; de-CH falls back to de', async () => {
    const el = await search('de-CH');
    expect(placeholder(el)).to.equal('Search help articles');
    expect(registeredLanguages()).not.to.include('de');
    await import('../../src/elements/locales/de');
    await el.updateComplete;
    expect(placeholder(el)).to.equal('Hilfeartikel durchsuchen');
    expect(registeredLanguages()).to.include.members(['en', 'de', 'fr']);

    // Keyboard use in German: the no-results message is German too.
    $(el, 'input').focus();
    await sendKeys({ type: 'qqxzv' });
    await waitFor(() => el.shadowRoot!.textContent!.includes('Keine Artikel passen zu „qqxzv“.'), 'German no-results message');
    await expect(el).to.be.accessible();
  });

  it('takes each key from the exact tag, then its language, then English', async () => {
    registerStrings('de-CH', { searchPlaceholder: 'Hilfeartikel durchsuchen (CH)' });
    expect(stringsFor('de-ch').searchPlaceholder).to.equal('Hilfeartikel durchsuchen (CH)');
    expect(stringsFor('de-CH').retry).to.equal('Erneut versuchen');
    expect(stringsFor('de-AT').searchPlaceholder).to.equal('Hilfeartikel durchsuchen');
    registerStrings('pt-BR', { retry: 'Tentar novamente' });
    expect(stringsFor('pt-BR').retry).to.equal('Tentar novamente');
    expect(stringsFor('pt-BR').searchLabel).to.equal('Search help');
    expect(stringsFor('pt-PT').retry).to.equal('Try again');
  });

  it('falls back to English for a language nobody registered, and adds no script in the module build', async () => {
    const el = await search('sv-SE');
    expect(placeholder(el)).to.equal('Search help articles');
    expect(stringsFor('zz').retry).to.equal('Try again');
    const nl = await search('nl');
    expect(placeholder(nl)).to.equal('Search help articles');
    await quiet();
    expect(languageScripts()).to.deep.equal([]);
  });

  it('rewords English page-wide with a partial "en" table', async () => {
    const el = await search('en-GB');
    registerStrings('en', { searchPlaceholder: 'Ask the help desk' });
    await el.updateComplete;
    expect(placeholder(el)).to.equal('Ask the help desk');
    registerStrings('en', { searchPlaceholder: 'Search help articles' });
    await el.updateComplete;
    expect(placeholder(el)).to.equal('Search help articles');
  });

  it('keeps the tables in one page-global object, shared by every copy of the library', () => {
    const shared = (globalThis as unknown as Record<symbol, { tables: Map<string, unknown> }>)[Symbol.for('kb-elements.strings')];
    shared.tables.set('it', { retry: 'Riprova' });
    expect(stringsFor('it-CH').retry).to.equal('Riprova');
  });

  it('rejects a bad language tag or table with a clear error', () => {
    expect(() => registerStrings('', {})).to.throw(TypeError, /language tag such as "fr"/);
    expect(() => registerStrings('not a tag', {})).to.throw(TypeError, /not "not a tag"/);
    expect(() => registerStrings('fr', null as never)).to.throw(TypeError, /needs an object of UI strings/);
    expect(() => registerStrings('fr', 'Bonjour' as never)).to.throw(TypeError, /needs an object of UI strings/);
  });
});

describe('languages: loading language files on demand (single-file build)', () => {
  it('a language file that fails to load leaves English, warns once, and throws nothing into the page', async () => {
    const warnings: unknown[][] = [];
    const pageErrors: unknown[] = [];
    const warn = console.warn;
    const onError = (event: ErrorEvent) => pageErrors.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => pageErrors.push(event.reason);
    console.warn = (...args: unknown[]) => void warnings.push(args);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      loadLanguagesFrom(new URL('/no/such/folder/', location.href).href, ['nl']);
      const el = await search('nl-BE');
      const [tag] = languageScripts();
      expect(new URL(tag!.src).pathname).to.equal('/no/such/folder/kb-elements.nl.js');
      await waitFor(() => warnings.length, 'the failed load is reported');
      expect(String(warnings[0]![0])).to.contain('"nl" strings could not be loaded');
      expect(placeholder(el)).to.equal('Search help articles');

      // Another Dutch element, and a language the build does not ship: no second request.
      const again = await search('nl');
      const swedish = await search('sv');
      await quiet();
      expect(placeholder(again)).to.equal('Search help articles');
      expect(placeholder(swedish)).to.equal('Search help articles');
      expect(languageScripts()).to.deep.equal([]);
      expect(warnings).to.have.length(1);
      expect(pageErrors).to.deep.equal([]);

      // Still usable from the keyboard.
      $(again, 'input').focus();
      await sendKeys({ type: 'dns' });
      await waitFor(() => again.shadowRoot!.querySelector('[role="option"]'), 'results');
      await expect(again).to.be.accessible();
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
