/**
 * "Still need help?": off unless configured; with `contact-url` or `slot="contact"` content it
 * ends an article and a search that found nothing, and following it fires the cancelable
 * `kb-contact` with where the user was. On `<kb-help>`, on the launcher (attribute, slot) and
 * on the script tag (`data-kb-contact-url`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-launcher/kb-launcher-panel';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import { readScriptOptions } from '../../src/elements/kb-launcher/auto-init';
import { KbLauncher } from '../../src/elements/kb-launcher/kb-launcher';
import { KbContactEvent } from '../../src/elements/shared/events';
import { bundleUrl, knowledgeBase, smallBundle } from './support/bundles';
import { $, record, settled } from './support/dom';
import { waitFor } from './support/frame';

const kb = knowledgeBase(smallBundle());
const AXE = { ignoredRules: ['skip-link'] };

async function help(attrs: { contactUrl?: string; slotted?: boolean } = {}) {
  sessionStorage.clear();
  const wrapper = await fixture<HTMLElement>(html`<div>
    <kb-help .knowledgeBase=${kb} contact-url=${attrs.contactUrl ?? ''}>
      ${attrs.slotted ? html`<button slot="contact" id="chat">Chat with us</button>` : ''}
    </kb-help>
  </div>`);
  const el = wrapper.querySelector<KbHelp>('kb-help')!;
  await settled(el);
  return el;
}

const contactBox = (el: KbHelp) => $(el, '[part="contact"]');
const shown = (node: Element | null) => !!node && node.getBoundingClientRect().height > 0;

/** A launcher with `contact-url="/support"` and `content`, open on an article; its panel's help center. */
async function launcherOnArticle(content: string) {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<kb-launcher src="${bundleUrl(smallBundle())}" contact-url="/support">${content}</kb-launcher>`;
  const launcher = wrapper.querySelector<KbLauncher>('kb-launcher')!;
  launcher.openArticle('quarantine');
  const inner = await waitFor(
    () => launcher.shadowRoot!.querySelector('kb-launcher-panel')?.shadowRoot?.querySelector<KbHelp>('kb-help'),
    'help center in the panel',
  );
  await waitFor(() => $(inner, 'kb-article')?.shadowRoot?.querySelector('h1'), 'article in the panel');
  return { wrapper, launcher, inner };
}

async function articleView(el: KbHelp, id = 'dns-records') {
  el.open(id);
  await waitFor(() => $(el, 'kb-article')?.shadowRoot?.querySelector('h1'), 'article shown');
  await el.updateComplete;
}

describe('"Still need help?"', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('is off unless configured', async () => {
    const el = await help();
    await articleView(el);
    expect(shown(contactBox(el))).to.be.false;
    el.search('xyzzyq');
    await el.updateComplete;
    expect(shown(contactBox(el))).to.be.false;
  });

  it('ends an article with contact-url: a link, and a cancelable kb-contact naming the article', async () => {
    const el = await help({ contactUrl: '#contact-form' });
    await articleView(el);
    const box = contactBox(el);
    expect(shown(box)).to.be.true;
    expect(box.textContent).to.contain('Still need help?');
    const link = $<HTMLAnchorElement>(el, '[part="contact-link"]');
    expect(link.textContent).to.equal('Contact support');
    await expect(el).to.be.accessible(AXE);

    const events = record<KbContactEvent>(document, 'kb-contact');
    const take = (e: KbContactEvent) => e.preventDefault();
    document.addEventListener('kb-contact', take);
    link.focus();
    await sendKeys({ press: 'Enter' });
    document.removeEventListener('kb-contact', take);
    expect(events).to.have.length(1);
    expect(events[0]).to.be.instanceOf(KbContactEvent);
    expect(events[0]!.articleId).to.equal('dns-records');
    expect(events[0]!.url).to.equal(new URL('#contact-form', location.href).href);
    expect(events[0]!.detail).to.deep.equal({ articleId: 'dns-records', url: events[0]!.url });
    expect(events[0]!.composed && events[0]!.bubbles && events[0]!.cancelable).to.be.true;
    expect(location.hash, 'the host took over: the link was not followed').to.equal('');

    link.click();
    expect(location.hash, 'not cancelled: the link is followed').to.equal('#contact-form');
  });

  it('ends a search that found nothing, naming the query', async () => {
    const el = await help({ contactUrl: 'mailto:support@skyhost.example' });
    el.search('xyzzyq');
    await el.updateComplete;
    expect(shown(contactBox(el))).to.be.true;
    const events = record<KbContactEvent>(el, 'kb-contact');
    el.addEventListener('kb-contact', (e) => e.preventDefault(), { once: true });
    $<HTMLAnchorElement>(el, '[part="contact-link"]').click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ query: 'xyzzyq', url: 'mailto:support@skyhost.example' }]);
    el.search('quarantine');
    await el.updateComplete;
    expect(contactBox(el), 'not after a search that found something').to.equal(null);
    await expect(el).to.be.accessible(AXE);
  });

  it('shows the host’s own slot="contact" content instead, and reports its use', async () => {
    const el = await help({ slotted: true });
    await articleView(el, 'quarantine');
    await waitFor(() => shown(contactBox(el)), 'contact box shown for slotted content');
    expect($(el, '[part="contact-link"]'), 'no link of its own').to.equal(null);
    const events = record<KbContactEvent>(el, 'kb-contact');
    el.querySelector<HTMLButtonElement>('#chat')!.click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ articleId: 'quarantine' }]);
    await expect(el).to.be.accessible(AXE);
  });

  it('comes with the launcher: contact-url alone shows its link in the panel', async () => {
    const { launcher, inner } = await launcherOnArticle('');
    const link = await waitFor(() => $<HTMLAnchorElement>(inner, '[part="contact-link"]'), 'the contact link in the panel');
    expect(shown(link)).to.be.true;
    expect(link.getAttribute('href')).to.equal('/support');
    launcher.setAttribute('contact-url', '/support/new');
    await waitFor(() => link.getAttribute('href') === '/support/new', 'a later contact-url reaches the panel');
    launcher.hide();
  });

  it('comes with the launcher: slot="contact" content passed through to the panel, instead of the link', async () => {
    const { wrapper, launcher, inner } = await launcherOnArticle('<a slot="contact" href="/chat" id="chat">Chat with us</a>');
    await waitFor(() => shown(contactBox(inner)), 'contact box in the panel');
    expect(inner.getAttribute('contact-url')).to.equal('/support');
    expect($(inner, '[part="contact-link"]'), 'the host’s content replaces the link').to.equal(null);
    const events = record<KbContactEvent>(document, 'kb-contact');
    const take = (e: Event) => e.preventDefault();
    document.addEventListener('kb-contact', take);
    wrapper.querySelector<HTMLAnchorElement>('#chat')!.click();
    document.removeEventListener('kb-contact', take);
    expect(events.map((e) => e.detail)).to.deep.equal([{ articleId: 'quarantine', url: new URL('/chat', location.href).href }]);
    launcher.hide();
  });

  it('is set on the script tag with data-kb-contact-url', () => {
    const script = document.createElement('script');
    script.dataset.kbSrc = '/help/kb.json';
    script.dataset.kbContactUrl = 'https://skyhost.example/support';
    expect(readScriptOptions(script).launcherAttributes['contact-url']).to.equal('https://skyhost.example/support');
    expect(readScriptOptions(document.createElement('script')).launcherAttributes).not.to.have.property('contact-url');
  });
});
