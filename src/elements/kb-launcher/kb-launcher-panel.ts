import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { KbElement } from '../shared/kb-element';
import type { KbCredentials } from '../shared/kb-source';
import { KbI18n, type KbStrings } from '../shared/strings';
import { baseStyles, tokens } from '../shared/tokens.styles';
import { panelStyles } from './kb-launcher-panel.styles';

/** What the panel uses of `<kb-help>`. */
interface HelpElement extends HTMLElement {
  open(articleId: string, sectionId?: string): unknown;
  search(query: string): unknown;
  home(): unknown;
}

/**
 * The panel `<kb-launcher>` opens: a side sheet on wide screens, full screen on phones, with
 * a title bar and the full help center (`<kb-help>`). It is loaded with the help elements, on
 * first use of the launcher, and made by the launcher; pages do not use it directly.
 *
 * A non-modal dialog: `focus()` moves focus to it (its title is announced), Esc or the close
 * button ask the launcher to close it (the `close` event), and Tab can leave it.
 *
 * @summary The launcher's side-sheet panel around `<kb-help>` (made by `<kb-launcher>`).
 *
 * @csspart dialog - The dialog box.
 * @csspart header - The title bar.
 * @csspart title - The title.
 * @csspart close - The close button.
 * @csspart body - The scrolling area around `<kb-help>`.
 * @csspart help - The `<kb-help>` element.
 *
 * @cssproperty --kb-launcher-panel-width - Width of the side sheet on wide screens (default 440px).
 *
 * @fires close - The user asked to close the panel (Esc, close button). Not bubbling.
 */
export class KbLauncherPanel extends KbElement {
  static override styles = [tokens, baseStyles, panelStyles];

  #i18n = new KbI18n(this);

  @query('.dialog') private dialog?: HTMLElement;
  @query('kb-help') private help?: HelpElement;

  /** URL of the knowledge-base bundle, for `<kb-help>`. */
  @property() src = '';
  /** Cookies on the bundle's requests, for `<kb-help>`. */
  @property() credentials?: KbCredentials;
  /** Title of the panel (default: "Help" in the page's language). */
  @property() heading = '';
  /** The launcher's corner; the panel opens on its side. */
  @property({ reflect: true }) position = 'bottom-right';
  /** `light`, `dark` or `auto`, also given to `<kb-help>`. */
  @property({ reflect: true }) theme?: string;
  /** Overrides for any UI string. */
  @property({ attribute: false }) strings?: Partial<KbStrings>;

  /** Moves focus to the dialog (once rendered), so its title is announced. */
  override focus(): void {
    void this.updateComplete.then(() => this.dialog?.focus());
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

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.stopPropagation();
    this.#requestClose();
  };

  override render() {
    const { t } = this.#i18n;
    return html`<div class="dialog" part="dialog" role="dialog" aria-labelledby="title" tabindex="-1" @keydown=${this.#onKeydown}>
      <div class="head" part="header">
        <h2 id="title" part="title">${this.heading || t.helpTitle}</h2>
        <button type="button" class="close" part="close" aria-label=${t.closeHelp} @click=${this.#requestClose}>
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
            <path d="M18 6 6 18M6 6l12 12"></path>
          </svg>
        </button>
      </div>
      <div class="body" part="body">
        <kb-help part="help" src=${this.src} credentials=${this.credentials ?? nothing} theme=${this.theme ?? nothing}></kb-help>
      </div>
    </div>`;
  }
}

if (!customElements.get('kb-launcher-panel')) customElements.define('kb-launcher-panel', KbLauncherPanel);

declare global {
  interface HTMLElementTagNameMap {
    'kb-launcher-panel': KbLauncherPanel;
  }
}
