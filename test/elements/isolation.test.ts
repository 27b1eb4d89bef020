/**
 * Isolation: a large real CSS framework (Bootstrap 5, from node_modules) on the page beside
 * the elements leaves them unchanged. Every element inside every shadow root keeps its box
 * (relative to its host) and its look, with and without Bootstrap.
 *
 * The wrapper pins font, size, line height and colour: the host's font is inherited by
 * design (`--kb-font` defaults to `inherit`), so what Bootstrap sets on `body` would
 * otherwise flow in on purpose. Everything else must not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/elements/kb-article/kb-article';
import '../../src/elements/kb-help/kb-help';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-search/kb-search';
import { knowledgeBase, smallBundle } from './support/bundles';
import { allElements, quiet, settled } from './support/dom';
import { waitFor } from './support/frame';

const BOOTSTRAP = '/node_modules/bootstrap/dist/css/bootstrap.min.css';
const PROPS = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'margin',
  'padding',
  'border',
  'border-radius',
  'display',
  'text-decoration-line',
  'list-style-type',
  'box-sizing',
  'outline-style',
] as const;

const kb = knowledgeBase(smallBundle());

/** Position, size and the listed styles of everything in the element's shadow trees. */
function snapshot(host: Element): string[] {
  const origin = host.getBoundingClientRect();
  return allElements(host.shadowRoot!).map((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // A box that is not rendered reports (0, 0) in the viewport, wherever its host is.
    const box =
      r.width || r.height ? [r.left - origin.left, r.top - origin.top, r.width, r.height].map((n) => Math.round(n)).join(',') : 'none';
    return `${el.localName}.${el.getAttribute('class') ?? ''} [${box}] ${PROPS.map((p) => style.getPropertyValue(p)).join('|')}`;
  });
}

async function withBootstrap<T>(run: () => Promise<T>): Promise<T> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = BOOTSTRAP;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error('Bootstrap CSS did not load'));
  });
  document.head.append(link);
  try {
    await loaded;
    await quiet();
    return await run();
  } finally {
    link.remove();
  }
}

async function render() {
  const wrapper = await fixture<HTMLDivElement>(html`<div class="isolation-box">
    <kb-help .knowledgeBase=${kb}></kb-help>
    <kb-article .knowledgeBase=${kb} article-id="dns-records"></kb-article>
    <kb-search .knowledgeBase=${kb} storage-key=""></kb-search>
  </div>`);
  // Pinned through the CSSOM (what a page's own CSS would do); the elements inherit it by design.
  Object.assign(wrapper.style, { font: '16px/1.4 Arial, sans-serif', color: 'rgb(20, 20, 20)', width: '720px' });
  const elements = [...wrapper.children] as LitElement[];
  for (const el of elements) await settled(el);
  await waitFor(() => elements[1]!.shadowRoot!.querySelector('h1'), 'article shown');
  const help = elements[0] as KbHelp;
  for (const inner of help.shadowRoot!.querySelectorAll<LitElement>('kb-article-list, kb-categories, kb-search')) await settled(inner);
  return elements;
}

describe('isolation from page CSS (Bootstrap 5 beside the elements)', () => {
  it('really loads Bootstrap, which changes the page around the elements', async () => {
    const plain = document.createElement('button');
    plain.className = 'btn btn-primary';
    document.body.append(plain);
    // (not a colour: Bootstrap's buttons transition their colours)
    const before = getComputedStyle(plain).paddingLeft;
    const after = await withBootstrap(async () => getComputedStyle(plain).paddingLeft);
    plain.remove();
    expect(after).to.not.equal(before);
  });

  it('leaves every element inside the shadow roots unchanged', async () => {
    const elements = await render();
    const before = elements.map(snapshot);
    const after = await withBootstrap(async () => elements.map(snapshot));
    for (const [i, el] of elements.entries()) {
      expect(before[i]!.length, el.localName).to.be.greaterThan(5);
      const changed = after[i]!.flatMap((line, j) => (line !== before[i]![j] ? [`${before[i]![j]}\n  -> ${line}`] : [])).slice(0, 5);
      expect(changed, `${el.localName}: changed under Bootstrap`).to.deep.equal([]);
    }
  });

  it('stays unchanged in the article view of <kb-help>', async () => {
    const [help] = (await render()) as [KbHelp];
    help.open('spam-filter-threshold');
    await help.updateComplete;
    const article = help.shadowRoot!.querySelector('kb-article')!;
    await waitFor(() => article.shadowRoot!.querySelector('h1'), 'article in kb-help');
    const before = snapshot(help);
    const after = await withBootstrap(async () => snapshot(help));
    expect(after.filter((line, j) => line !== before[j]).slice(0, 5)).to.deep.equal([]);
  });
});
