import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { KbCredentials } from '../shared/kb-source';
import { panelStyles } from './kb-launcher-panel.styles';
import { deepActiveElement } from '../shared/deep-active-element';
import { PageScrollLock } from '../shared/scroll-lock';
import { KbElement } from '../shared/kb-element';

/** The launcher's attributes the panel mirrors (launcher attribute: panel attribute). */
const MIRRORED: Record<string, string> = {
  src: 'src',
  credentials: 'credentials',
  theme: 'theme',
  lang: 'lang',
  label: 'heading',
  position: 'position',
  'contact-url': 'contact-url',
};

/** What the panel uses of `<kb-help>`. */
interface HelpElement extends HTMLElement {
  open(articleId: string, sectionId?: string): unknown;
  search(query: string): unknown;
  home(): unknown;
  focusSearch(): unknown;
}

/**
 * The panel `<kb-launcher>` opens: a side sheet on wide screens, a full-screen sheet on phones,
 * with a title bar and the full help center (`<kb-help>`). It is loaded with the help
 * elements, on first use of the launcher, and made by the launcher; pages do not use it
 * directly. In the launcher's shadow root, it mirrors the launcher's attributes (`label` as its
 * `heading`) and passes the launcher's `slot="contact"` content on to `<kb-help>`: that code
 * loads with the help elements, not with the button.
 *
 * A modal dialog (WAI-ARIA APG): `show()` opens it in the top layer with the page behind it
 * inert (out of reach of Tab, of the pointer and of assistive technology; no attribute of the
 * page is touched) and puts the cursor in the search field. The page behind does not scroll
 * under the wheel or a finger either, at any width (the panel is modal as a side sheet too),
 * and does not move when its scrollbar goes. Esc closes the result list if it
 * is open, else asks the launcher to close the panel (the `close` event), as do the close
 * button and a click on the dimmed page. The launcher returns focus to whatever opened it.
 *
 * @summary The launcher's modal panel around `<kb-help>` (made by `<kb-launcher>`).
 *
 * @csspart dialog - The dialog box.
 * @csspart header - The title bar.
 * @csspart title - The title.
 * @csspart close - The close button.
 * @csspart body - The scrolling area around `<kb-help>`.
 * @csspart help - The `<kb-help>` element.
 *
 * @slot contact - Passed on to `<kb-help>`'s `contact` slot ("Still need help?").
 *
 * @cssproperty --kb-launcher-panel-width - Width of the side sheet on wide screens (default 440px).
 * @cssproperty --kb-launcher-backdrop - What covers the page behind the open panel (default a light dimming).
 *
 * @fires close - The user asked to close the panel (Esc, close button, a click beside it). Not bubbling.
 */
export class KbLauncherPanel extends KbElement {
  static override styles = [KbElement.styles, panelStyles];

  /** Where the pointer went down: a click on the backdrop closes only if it also started there. */
  #pressedOnBackdrop = false;
  #scrollLock = new PageScrollLock(this);
  /** What had focus when the panel opened, and where focus goes if that cannot take it back. */
  #returnFocus?: Element | null;
  #fallback?: HTMLElement;
  readonly #launcherWatch = new MutationObserver(() => this.#mirrorLauncher());

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('kb-help') private help?: HelpElement;

  /** URL of the knowledge-base bundle, for `<kb-help>`. */
  @property() src = '';
  /** Cookies on the bundle's requests, for `<kb-help>`. */
  @property() credentials?: KbCredentials;
  /** Title of the panel (default: "Help" in the page's language). */
  @property() heading = '';
  /** The launcher's corner; the panel opens on its side (right or left, whatever the page's direction). */
  @property({ reflect: true }) position = 'bottom-right';
  /** Where "Still need help?" leads, for `<kb-help>`. */
  @property({ attribute: 'contact-url' }) contactUrl = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const launcher = this.#launcher;
    if (!launcher) return;
    this.#mirrorLauncher();
    this.#launcherWatch.observe(launcher, { attributes: true, attributeFilter: Object.keys(MIRRORED) });
    // The page's slot="contact" content, passed on to the help center.
    if (!this.querySelector('slot')) this.append(Object.assign(document.createElement('slot'), { name: 'contact', slot: 'contact' }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#launcherWatch.disconnect();
  }

  /**
   * Opens the panel as a modal dialog, the cursor in the search field (once it is shown). When it
   * closes, focus goes back to what had it now (whatever opened the panel: the launcher's button,
   * a tip's "Learn more", the host's own control), or to `fallback` (the launcher's button) if
   * that was nothing or is gone or hidden by then (a closed popover).
   */
  show(fallback?: HTMLElement): void {
    const active = deepActiveElement();
    this.#returnFocus = active === document.body ? fallback : active;
    this.#fallback = fallback;
    this.hidden = false;
    void this.updateComplete.then(() => {
      const dialog = this.dialog;
      // Hidden or removed again meanwhile: showModal() would throw into the page.
      if (!dialog || this.hidden || !this.isConnected) return;
      if (!dialog.open) dialog.showModal();
      this.#scrollLock.lock();
      // Until the help center is in, focus rests on the dialog, which names it.
      dialog.focus();
      this.help?.focusSearch();
    });
  }

  /**
   * Closes the panel. If focus was in the launcher (the panel, however many shadow roots deep)
   * or nowhere, it goes back where it was when the panel opened (see {@link show}).
   */
  hide(): void {
    const active = deepActiveElement();
    let node = active;
    while (node && node !== this.#launcher) node = (node.getRootNode() as ShadowRoot).host;
    const focusInside = !active || active === document.body || !!node;
    const returnFocus = this.#returnFocus;
    this.#returnFocus = undefined;
    this.hidden = true;
    if (this.dialog?.open) this.dialog.close();
    this.#scrollLock.release();
    if (!focusInside) return;
    (returnFocus as HTMLElement | null | undefined)?.focus?.();
    if (deepActiveElement() !== returnFocus) this.#fallback?.focus();
  }

  /** The `<kb-launcher>` whose shadow root the panel is in. */
  get #launcher(): Element | undefined {
    const root = this.getRootNode();
    return root instanceof ShadowRoot && root.host.localName === 'kb-launcher' ? root.host : undefined;
  }

  #mirrorLauncher(): void {
    const launcher = this.#launcher!;
    for (const [from, to] of Object.entries(MIRRORED)) {
      const value = launcher.getAttribute(from);
      if (value) this.setAttribute(to, value);
      else this.removeAttribute(to);
    }
  }

  async #withHelp(action: (help: HelpElement) => unknown): Promise<void> {
    await this.updateComplete;
    if (this.help) action(this.help);
  }

  /** Shows an article (and a section of it) in the help center. */
  open(articleId: string, sectionId?: string): void {
    void this.#withHelp((help) => help.open(articleId, sectionId));
  }

  /** Shows the search results for `query`. */
  search(query: string): void {
    void this.#withHelp((help) => help.search(query));
  }

  /** Shows the help center's home. */
  home(): void {
    void this.#withHelp((help) => help.home());
  }

  #requestClose = () => this.dispatchEvent(new Event('close'));

  // Esc reaches here when nothing inside took it (an open result list does): close.
  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    this.#requestClose();
  };

  // The browser's own request to close (Esc it saw first, a phone's back gesture).
  #onCancel = (event: Event) => {
    event.preventDefault();
    this.#requestClose();
  };

  // However it closed (a phone's back gesture the browser would not let us cancel twice, say).
  #onClose = () => this.#scrollLock.release();

  // A click on the backdrop targets the dialog itself, outside its box.
  #outside(event: MouseEvent): boolean {
    const box = this.dialog!.getBoundingClientRect();
    return (
      event.target === this.dialog &&
      (event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom)
    );
  }

  #onPointerDown = (event: PointerEvent) => {
    this.#pressedOnBackdrop = this.#outside(event);
  };

  #onClick = (event: MouseEvent) => {
    if (this.#pressedOnBackdrop && this.#outside(event)) this.#requestClose();
    this.#pressedOnBackdrop = false;
  };

  override render() {
    const { t } = this.i18n;
    return html`<dialog
      class="dialog"
      part="dialog"
      aria-labelledby="title"
      tabindex="-1"
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
      @pointerdown=${this.#onPointerDown}
      @click=${this.#onClick}
    >
      <div class="head" part="header">
        <h2 id="title" part="title">${this.heading || t.helpTitle}</h2>
        <button type="button" class="close" part="close" aria-label=${t.closeHelp} @click=${this.#requestClose}>
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
            <path d="M18 6 6 18M6 6l12 12"></path>
          </svg>
        </button>
      </div>
      <div class="body" part="body">
        <kb-help part="help" src=${this.src} credentials=${this.credentials ?? nothing} theme=${this.theme ?? nothing} contact-url=${this.contactUrl || nothing}>
          <slot name="contact" slot="contact"></slot>
        </kb-help>
      </div>
    </dialog>`;
  }
}

if (!customElements.get('kb-launcher-panel')) customElements.define('kb-launcher-panel', KbLauncherPanel);

declare global {
  interface HTMLElementTagNameMap {
    'kb-launcher-panel': KbLauncherPanel;
  }
}
