/**
 * axe over every element in each of its states, in the light and the dark theme, left to right
 * (English) and right to left (Arabic interface, English content): nothing may be found.
 * `skip-link` is left out: axe takes `<kb-help>`'s `#kb/...` route links for broken skip links.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/elements/kb-article/kb-article';
import '../../src/elements/kb-article-list/kb-article-list';
import '../../src/elements/kb-categories/kb-categories';
import '../../src/elements/kb-help/kb-help';
import '../../src/elements/kb-launcher/kb-launcher';
import '../../src/elements/kb-launcher/kb-launcher-panel';
import '../../src/elements/kb-search/kb-search';
import '../../src/elements/kb-tip/kb-tip';
import type { KbHelp } from '../../src/elements/kb-help/kb-help';
import { KbNavigateEvent } from '../../src/elements/shared/events';
import type { KbLauncher } from '../../src/elements/kb-launcher/kb-launcher';
import './support/arabic';
import { bundleUrl, knowledgeBase, largeBundle, smallBundle } from './support/bundles';
import { $, $$, settled } from './support/dom';
import { waitFor } from './support/frame';

const kb = knowledgeBase(smallBundle());
const large = knowledgeBase(largeBundle(30));
const SRC = bundleUrl(smallBundle());
const AXE = { ignoredRules: ['skip-link'] };

type Step = (el: HTMLElement) => Promise<unknown>;

/** Each element, and the steps that take it from one state to the next (axe runs after each). */
const ELEMENTS: { name: string; template: (theme: string) => TemplateResult; states: [string, Step][] }[] = [
  {
    name: 'kb-search',
    template: (theme) => html`<kb-search .knowledgeBase=${kb} theme=${theme} hotkey storage-key=""></kb-search>`,
    states: [
      ['empty, with its keyboard hint', async () => {}],
      [
        'results, one active',
        async (el) => {
          $<HTMLInputElement>(el, 'input').focus();
          await sendKeys({ type: 'spam' });
          await sendKeys({ press: 'ArrowDown' });
          await waitFor(() => $(el, '.option.is-active'), 'an active result');
        },
      ],
      [
        'no results, suggestions',
        async () => {
          await sendKeys({ type: 'xyzzyq' });
          await waitFor(() => $(el0(), '.empty'), 'no results');
        },
      ],
    ],
  },
  {
    name: 'kb-search (error)',
    template: (theme) => html`<kb-search src="/no/such/kb.json" theme=${theme} storage-key=""></kb-search>`,
    states: [['bundle error with retry', async (el) => waitFor(() => $(el, '[part~="retry"]'), 'error')]],
  },
  {
    name: 'kb-categories',
    template: (theme) => html`<kb-categories .knowledgeBase=${kb} theme=${theme}></kb-categories>`,
    states: [
      ['all categories', async () => {}],
      [
        'one category in place',
        async (el) => {
          $<HTMLButtonElement>(el, '[part~="link"]').click();
          await waitFor(() => $(el, '[part~="heading"]'), 'category shown');
          await settled($(el, 'kb-article-list') as never);
        },
      ],
    ],
  },
  {
    name: 'kb-article-list',
    template: (theme) =>
      html`<kb-article-list .knowledgeBase=${large} theme=${theme} category="cat-1" sortable page-size="2"></kb-article-list>`,
    states: [
      ['sortable, paginated', async () => {}],
      [
        'second page',
        async (el) => {
          $$<HTMLButtonElement>(el, '.page')[1]!.click();
          await waitFor(
            () =>
              $(el, '[aria-current="page"]')?.textContent?.trim() === '2' || $(el, '[aria-current="page"]')?.textContent?.trim() === '٢',
            'page 2',
          );
        },
      ],
    ],
  },
  {
    name: 'kb-article',
    template: (theme) =>
      html`<kb-article .knowledgeBase=${kb} theme=${theme} article-id="spam-filter-threshold" toc-min-headings="1"></kb-article>`,
    states: [
      ['an article with its table of contents, feedback and related', async (el) => waitFor(() => $(el, 'h1'), 'article')],
      [
        '"What was missing?"',
        async (el) => {
          $$<HTMLButtonElement>(el, '[part="feedback"] button')[1]!.click();
          await waitFor(() => $(el, 'textarea'), 'reason form');
        },
      ],
      [
        'thanks',
        async (el) => {
          $<HTMLButtonElement>(el, '[part="feedback"] button[type="submit"]').click();
          await waitFor(() => $(el, '.kb-thanks'), 'thanks');
        },
      ],
      [
        'not found',
        async (el) => {
          (el as HTMLElement & { articleId: string }).articleId = 'no-such-article';
          await waitFor(() => $(el, '.kb-state--empty'), 'not found');
        },
      ],
    ],
  },
  {
    name: 'kb-help',
    template: (theme) => html`<kb-help .knowledgeBase=${kb} theme=${theme} contact-url="#contact"></kb-help>`,
    states: [
      ['home', async () => {}],
      [
        'search results',
        async (el) => {
          (el as KbHelp).search('spam');
          await (el as KbHelp).updateComplete;
        },
      ],
      [
        'no results, with "Still need help?"',
        async (el) => {
          (el as KbHelp).search('xyzzyq');
          await (el as KbHelp).updateComplete;
        },
      ],
      [
        'a category',
        async (el) => {
          // The user picks a category (an element inside asks to go there).
          $(el, 'kb-search')!.dispatchEvent(new KbNavigateEvent('category', 'email'));
          await waitFor(() => $(el, 'kb-categories')?.shadowRoot?.querySelector('[part~="heading"]'), 'category');
        },
      ],
      [
        'an article, with "Still need help?"',
        async (el) => {
          (el as KbHelp).open('quarantine');
          await waitFor(() => $(el, 'kb-article')?.shadowRoot?.querySelector('h1'), 'article');
        },
      ],
    ],
  },
  {
    name: 'kb-tip',
    template: (theme) => html`<p><label for="f">Spam threshold</label> <input id="f" />
      <kb-tip for="f" article="spam-filter-threshold" .knowledgeBase=${kb} theme=${theme}></kb-tip>
      <kb-tip article="spam-filter-threshold" section="choosing-a-score" .knowledgeBase=${kb} theme=${theme}></kb-tip>
      <kb-tip article="no-such-article" .knowledgeBase=${kb} theme=${theme}></kb-tip></p>`,
    states: [
      ['closed, describing its field', async () => {}],
      ['open', async (el) => showTip(el, 0)],
      ['open on a section', async (el) => showTip(el, 1)],
      ['open on a missing article', async (el) => showTip(el, 2)],
    ],
  },
  {
    name: 'kb-launcher',
    template: (theme) => html`<div><kb-launcher src=${SRC} theme=${theme}></kb-launcher></div>`,
    states: [
      ['the button', async () => {}],
      [
        'the open panel',
        async (el) => {
          const launcher = el.querySelector<KbLauncher>('kb-launcher')!;
          launcher.show();
          const dialog = await waitFor(
            () => launcher.shadowRoot!.querySelector('kb-launcher-panel')?.shadowRoot?.querySelector<HTMLElement>('dialog[open]'),
            'panel',
          );
          await waitFor(() => dialog.querySelector('kb-help')?.shadowRoot?.querySelector('h1'), 'help center');
          for (const animation of dialog.getAnimations()) animation.finish();
        },
      ],
    ],
  },
];

let current: HTMLElement | undefined;
const el0 = () => current!;

async function showTip(el: HTMLElement, index: number) {
  const tips = [...el.querySelectorAll<HTMLElement & { show(): void; hide(): void; updateComplete: Promise<unknown> }>('kb-tip')];
  tips.forEach((tip) => tip.hide());
  tips[index]!.show();
  await tips[index]!.updateComplete;
  await waitFor(() => index !== 1 || tips[1]!.shadowRoot!.querySelector('.section-body'), 'section text');
}

describe('axe in every state', () => {
  afterEach(() => {
    document.body.style.background = '';
    document.body.style.color = '';
    sessionStorage.clear();
    for (const launcher of document.querySelectorAll<KbLauncher>('kb-launcher')) launcher.hide();
  });

  for (const theme of ['light', 'dark']) {
    for (const [dir, lang] of [
      ['ltr', 'en'],
      ['rtl', 'ar'],
    ] as const) {
      for (const element of ELEMENTS) {
        it(`${element.name}, ${theme}, ${dir}`, async () => {
          // A dark page around the dark theme, as a host would have it.
          document.body.style.background = theme === 'dark' ? '#0d1117' : '';
          document.body.style.color = theme === 'dark' ? '#e6edf3' : '';
          const wrapper = await fixture<HTMLElement>(html`<div dir=${dir} lang=${lang}>${element.template(theme)}</div>`);
          const el = wrapper.firstElementChild as HTMLElement;
          current = el;
          if ('updateComplete' in el) await settled(el as never);
          for (const [state, step] of element.states) {
            await step(el);
            try {
              await expect(wrapper).to.be.accessible(AXE);
            } catch (error) {
              throw new Error(`${element.name} (${state}, ${theme}, ${dir}): ${(error as Error).message}`, { cause: error });
            }
          }
        });
      }
    }
  }
});
