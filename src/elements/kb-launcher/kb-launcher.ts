import { fetchEarly } from '../shared/early-fetch';
import { el } from '../shared/make-element';
import { launcherCss } from './kb-launcher.styles';
import { launcherStringsFor } from './launcher-strings';

/** What the launcher uses of `<kb-launcher-panel>`, which loads with the help elements. */
interface PanelElement extends HTMLElement {
  show(fallback: HTMLElement | undefined): void;
  hide(): void;
  open(articleId: string, sectionId?: string): void;
  search(query: string): void;
  home(): void;
}

/** The corners the launcher can sit in. */
export type KbLauncherPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** The launcher's panel opened (by the user, the host, or an API call). */
export class KbLauncherOpenEvent extends Event {
  static readonly eventName = 'kb-launcher-open';
  constructor() {
    super(KbLauncherOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The launcher's panel closed. */
export class KbLauncherCloseEvent extends Event {
  static readonly eventName = 'kb-launcher-close';
  constructor() {
    super(KbLauncherCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

let sheet: CSSStyleSheet | undefined;

/**
 * A floating help button that opens the full help center (`<kb-help>`) in a panel: a side
 * sheet on wide screens, full screen on phones.
 *
 * The button is plain DOM (a few KiB). The panel, the help elements and the knowledge base
 * load on first open, or ahead of it when the pointer rests on the button, a finger touches
 * it or it gets keyboard focus (`preload`). If the help code cannot be loaded, a small alert
 * by the button says so and offers a retry; bundle errors show in the panel with a retry.
 *
 * The panel is a modal dialog (WAI-ARIA APG): the page behind it is inert while it is open,
 * the cursor is in its search field, Esc closes its result list and then the panel, and focus
 * returns to whatever opened it (the button, a tip's "Learn more", the host's own control),
 * from wherever inside it was. On the side of the button (right or left whatever the page's
 * direction); full screen on phones. Only one launcher is active on a page: another one (say,
 * the snippet included twice) hides itself.
 *
 * "Still need help?" at the end of an article and of a search that found nothing: set
 * `contact-url`, or put your own content in `slot="contact"`; following it fires `kb-contact`.
 *
 * @summary Floating help button with a lazily loaded help-center panel.
 *
 * @attr {string} src - URL of the knowledge-base bundle (`kb.json`).
 * @attr {'omit' | 'same-origin' | 'include'} credentials - Whether the bundle's requests send cookies (default `omit`).
 * @attr {'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'} position - Corner of the button (default `bottom-right`); the panel opens on that side.
 * @attr {string} label - Text of the button and title of the panel (default: "Help" in the page's language).
 * @attr {'light' | 'dark' | 'auto'} theme - Theme of the button, panel and help center.
 * @attr {string} lang - Language of the launcher and the help center (default: the page's).
 * @attr {number} z-index - Stacking order of the button and the panel (sets `--kb-launcher-z-index`).
 * @attr {'intent' | 'idle' | 'none'} preload - When to load the help code and bundle before the first open: `intent` (default: pointer over, touch on or focus on the button), `idle` (when the page is idle) or `none`.
 * @attr {boolean} open - Present while the panel is open.
 * @attr {string} contact-url - Where "Still need help?" leads (unset: not offered, unless `slot="contact"` has content).
 *
 * @slot contact - Your own "Still need help?" content, instead of the `contact-url` link.
 *
 * @csspart button - The floating help button.
 * @csspart alert - The "Help could not be loaded" box by the button.
 * @csspart retry - The "Try again" button in that box.
 *
 * @cssproperty --kb-launcher-z-index - Stacking order of the button and the panel (default 2147483000; or the `z-index` attribute).
 * @cssproperty --kb-launcher-offset - Distance of the button from its corner (default 20px).
 * @cssproperty --kb-launcher-panel-width - Width of the side sheet on wide screens (default 440px).
 * @cssproperty --kb-accent - Button background.
 * @cssproperty --kb-accent-contrast - Button text and icon.
 *
 * @fires kb-launcher-open - The panel opened.
 * @fires kb-launcher-close - The panel closed.
 * @fires kb-contact - The user followed "Still need help?" (cancelable). `{ articleId?, query?, url? }`.
 */
export class KbLauncher extends HTMLElement {
  // The panel mirrors the attributes it needs itself (it loads with the help elements).
  static observedAttributes = ['label', 'lang', 'z-index'];

  /**
   * Makes `<kb-launcher-panel>` and `<kb-help>` available; called on first intent, again
   * after a failure. Entry points set it: the single-file bundle evaluates its deferred
   * elements, `kb-launcher.js` adds the `kb-elements.js` script. The default waits for the
   * page to define the panel some other way (a bundler import of `kb-elements`).
   */
  static loadElements: () => Promise<unknown> = () => customElements.whenDefined('kb-launcher-panel');

  #root = this.attachShadow({ mode: 'open' });
  #button?: HTMLButtonElement;
  #panel?: PanelElement;
  #alert?: HTMLElement;
  #loading?: Promise<PanelElement>;
  #pending: ((panel: PanelElement) => void)[] = [];

  /** URL of the knowledge-base bundle (`kb.json`). */
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  set src(value: string) {
    this.setAttribute('src', value);
  }

  /** Whether the panel is open (reflects to the `open` attribute; setting it opens or closes). */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(value: boolean) {
    if (value) this.show();
    else this.hide();
  }

  connectedCallback(): void {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(launcherCss);
    }
    this.#root.adoptedStyleSheets = [sheet];
    const active = document.querySelector('kb-launcher:not([duplicate])');
    this.toggleAttribute('duplicate', !!active && active !== this);
    if (this.hasAttribute('duplicate') || this.#button) return;
    this.#renderButton();
    if (this.getAttribute('preload') === 'idle') (window.requestIdleCallback ?? setTimeout)(() => this.#preloadPanel());
  }

  attributeChangedCallback(name: string): void {
    // No `z-index` (null, taken as ''): the property is removed.
    if (name === 'z-index') this.style.setProperty('--kb-launcher-z-index', this.getAttribute(name));
    else this.#renderText();
  }

  #renderButton(): void {
    this.#button = el(
      'button',
      { type: 'button', part: 'button', class: 'launch', 'aria-expanded': 'false' },
      el('i', { 'aria-hidden': 'true' }, '?'),
      el('span'),
    ) as HTMLButtonElement;
    this.#button.addEventListener('click', () => this.toggle());
    for (const type of ['pointerenter', 'focus', 'touchstart']) {
      this.#button.addEventListener(type, () => this.getAttribute('preload') !== 'none' && this.#preloadPanel(), { passive: true });
    }
    this.#root.append(this.#button);
    this.#renderText();
  }

  #renderText(): void {
    if (!this.#button) return;
    const t = launcherStringsFor(this);
    const label = this.getAttribute('label');
    this.#button.lastElementChild!.textContent = label || t.helpTitle;
    this.#button.setAttribute('aria-label', label || t.openHelp);
    // Built-in words are marked with their language (English on an Arabic page reads left to
    // right); a label of the host's is in the page's.
    if (label) {
      this.#button.removeAttribute('lang');
      this.#button.removeAttribute('dir');
    } else {
      this.#button.lang = t.lang;
      this.#button.dir = 'ltr';
    }
  }

  /** Loads the help code and makes the (hidden) panel, once; a failure is forgotten. */
  #loadPanel(): Promise<PanelElement> {
    // The bundle downloads while the help code loads, not after it (unless the page has it).
    const src = this.src && new URL(this.src, document.baseURI).href;
    if (!this.#loading && src && !performance.getEntriesByName(src).length)
      fetchEarly(src, (this.getAttribute('credentials') || 'omit') as RequestCredentials);
    return (this.#loading ??= KbLauncher.loadElements().then(
      () => {
        // It takes the launcher's attributes and slot="contact" content (kb-launcher-panel.ts).
        const panel = document.createElement('kb-launcher-panel') as PanelElement;
        panel.hidden = true;
        panel.addEventListener('close', () => this.hide());
        this.#root.append(panel);
        this.#panel = panel;
        for (const action of this.#pending.splice(0)) action(panel);
        return panel;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    ));
  }

  #preloadPanel(): void {
    this.#loadPanel().catch(() => {});
  }

  #showAlert(): void {
    const t = launcherStringsFor(this);
    const retry = el('button', { type: 'button', part: 'retry' }, t.retry);
    retry.addEventListener('click', () => this.show());
    this.#alert = el('div', { part: 'alert', class: 'alert', role: 'alert', lang: t.lang, dir: 'ltr' }, el('p', {}, t.errorTitle), retry);
    this.#root.append(this.#alert);
    retry.focus();
  }

  /** The `open` attribute and the button's `aria-expanded`. */
  #setOpen(open: boolean): void {
    this.toggleAttribute('open', open);
    this.#button?.setAttribute('aria-expanded', `${open}`);
  }

  /** Runs `action` on the panel as soon as it exists. */
  #withPanel(action: (panel: PanelElement) => void): void {
    if (this.#panel) action(this.#panel);
    else this.#pending.push(action);
  }

  /** Opens the panel (loading it first if needed) and moves focus into it. */
  show(): void {
    if (this.hasAttribute('duplicate') || this.open) return;
    this.#alert?.remove();
    this.#setOpen(true);
    this.#loadPanel().then(
      // The panel notes where focus is, to put it back when it closes (the button if nowhere).
      (panel) => this.open && panel.show(this.#button),
      () => {
        this.#setOpen(false);
        this.#showAlert();
      },
    );
    this.dispatchEvent(new KbLauncherOpenEvent());
  }

  /** Closes the panel; focus returns to where it was before opening (or to the button). */
  hide(): void {
    if (!this.open) return;
    this.#setOpen(false);
    // The panel puts focus back (before it loads, focus has not moved).
    this.#panel?.hide();
    this.dispatchEvent(new KbLauncherCloseEvent());
  }

  /** Opens the panel if closed, closes it if open. */
  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  /** Opens the panel on an article, scrolled to a section if given. */
  openArticle(articleId: string, sectionId?: string): void {
    this.show();
    this.#withPanel((panel) => panel.open(articleId, sectionId));
  }

  /** Opens the panel on the search results for `query`. */
  search(query: string): void {
    this.show();
    this.#withPanel((panel) => panel.search(query));
  }

  /** Opens the panel on the help center's home ("Suggested for this page", categories, popular). */
  home(): void {
    this.show();
    this.#withPanel((panel) => panel.home());
  }
}

if (!customElements.get('kb-launcher')) customElements.define('kb-launcher', KbLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'kb-launcher': KbLauncher;
  }
  interface GlobalEventHandlersEventMap {
    'kb-launcher-open': KbLauncherOpenEvent;
    'kb-launcher-close': KbLauncherCloseEvent;
  }
}
