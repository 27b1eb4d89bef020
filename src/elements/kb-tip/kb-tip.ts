import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ArticleMeta, KnowledgeBase } from '../../core/index';
import { activeLauncher } from '../kb-launcher/global-api';
import { contentLanguage, language } from '../shared/bidi';
import { textDirection } from '../shared/direction';
import type { KbCredentials } from '../shared/kb-source';
import { resolveArticleLink } from '../kb-article/article-links';
import { articleHref, isModifiedClick, requestArticleOpen } from '../shared/open-article';
import { ARTICLE_LINK_ATTR, SECTION_LINK_ATTR } from '../shared/sanitize';
import { renderSourceState } from '../shared/state-view';
import { format, type KbStrings } from '../shared/strings';
import { styles } from './kb-tip.styles';
import { sectionContent, shorten } from './section-text';
import { warnUnknownArticle } from '../shared/unknown-article';
import { KbSourceElement } from '../shared/kb-source-element';

/** How far the popover keeps from the viewport's edges and from its button, in px. */
const EDGE = 8;
const GAP = 6;
/** Longest text shown in the popover (the excerpt or section), in characters. */
const MAX_TEXT = 280;

let tipCount = 0;

/** Something that can show an article: a `<kb-launcher>` (`openArticle`) or a `<kb-help>` (`open`). */
interface ArticleOpener extends Element {
  open?(articleId: string, sectionId?: string): unknown;
  openArticle?(articleId: string, sectionId?: string): unknown;
}

/**
 * Contextual help next to a setting: a small "?" button that opens an anchored popover with
 * an article's title, its excerpt (or one section of it) and "Learn more", which opens the
 * full article in the page's launcher panel or in the host's own `<kb-help>`.
 *
 * ```html
 * <label for="retention">Keep archived mail for</label>
 * <select id="retention">…</select>
 * <kb-tip for="retention" context="settings.archive"></kb-tip>
 * ```
 *
 * The article is named by `article` (an id) or found by `context` (a key or path matched
 * against the articles' front matter `context`). With `for="field-id"`, the field is described
 * by the help (title and excerpt): the tip puts a hidden description next to itself in the
 * page (a field can only point `aria-describedby` at an element of its own tree), so a screen
 * reader reads the help with the field, and nowhere else. The popover stays inside the
 * viewport (it flips above the button and slides sideways at the edges) and closes on Esc
 * (focus returns to the button), on a click outside, when focus leaves the tip, and when the
 * button scrolls out of view.
 *
 * Without `src`, the tip uses the bundle of the page's `<kb-launcher>` or `<kb-help>`.
 * "Learn more" fires the cancelable `kb-article-open`; if nobody cancels it, it goes to
 * `article-url` if set, else to the `<kb-help>` named by the `help` selector, else to the
 * page's launcher, else to a `<kb-help>` on the page, else to a new launcher.
 *
 * @summary "?" button with an anchored popover of help for one setting.
 *
 * @csspart button - The "?" button.
 * @csspart popover - The popover box.
 * @csspart title - The article title in the popover.
 * @csspart section - The section heading, when the tip shows one section.
 * @csspart text - The excerpt or section text.
 * @csspart read-more - The "Learn more" button (a link with `article-url`).
 * @csspart state - The loading, error and not-found boxes.
 * @csspart retry - The "Try again" button of the error box.
 *
 * @cssproperty --kb-tip-size - Size of the "?" button (default 1.25rem).
 * @cssproperty --kb-tip-width - Width of the popover (default 22rem, never wider than the viewport).
 * @cssproperty --kb-accent - Button and link colour, focus ring.
 * @cssproperty --kb-surface-raised - Popover background.
 * @cssproperty --kb-text - Popover text.
 * @cssproperty --kb-shadow - Popover shadow.
 *
 * @fires kb-article-open - The user chose "Learn more" (cancelable: the host shows the article itself). `{ articleId, sectionId? }`.
 */
export class KbTip extends KbSourceElement {
  static override styles = [KbSourceElement.styles, styles];

  readonly #uid = `kb-tip-${++tipCount}`;
  /** The description the `for` field points at: hidden, next to the tip, in the field's tree. */
  #description?: HTMLSpanElement;
  #describedField?: Element;
  /** Closes the popover once its button has scrolled out of view (also out of a scrolling box). */
  readonly #visibility = new IntersectionObserver((entries) => {
    if (this.open && entries.at(-1)?.isIntersecting === false) this.#closeOutOfView();
  });

  @query('.trigger') private trigger?: HTMLButtonElement;
  @query('.popover') private box?: HTMLElement;

  /** Id of the article to show. */
  @property() article = '';

  /** A context key (`settings.archive`) or path (`/domains/42/dns`); the best-matching article is shown. Used when `article` is not set. */
  @property() context = '';

  /** Id of a heading in the article: the tip shows that section instead of the excerpt. */
  @property() section = '';

  /** Id of the form field this tip explains: the field gets `aria-describedby` (attribute `for`). */
  @property({ attribute: 'for' }) htmlFor = '';

  /** CSS selector of the host's own `<kb-help>` in which "Learn more" opens the article. */
  @property() help = '';

  /** URL template for "Learn more" (`/help/{id}#{section}`): a real link instead of the panel. */
  @property({ attribute: 'article-url' }) articleUrl = '';

  /** Preferred side of the popover: `bottom` (default) or `top`; it flips when there is no room. */
  @property() placement: 'bottom' | 'top' = 'bottom';

  /** Accessible name of the "?" button (default: "More about <article title>"). */
  @property() label = '';

  /** Whether the popover is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * The chosen section of the article, loaded when the popover is open (a late answer for a
   * section, article or knowledge base left meanwhile is ignored).
   */
  readonly #section = new Task(this, {
    args: () => [this.source.knowledgeBase, this.target?.id, this.section, this.open] as const,
    task: ([kb, id, section, open]) => (kb && id && section && open ? this.#loadSection(kb, id, section) : undefined),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#useSourceOfPage();
    // A launcher added by the script tag appears once the document has been parsed.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.#useSourceOfPage(), { once: true });
    document.addEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    this.#stopFollowing();
    this.#undescribe();
  }

  override firstUpdated(): void {
    if (!this.article && !this.context) {
      console.warn('<kb-tip> needs `article` (an article id) or `context` (a context key or path); it shows nothing.', this);
    }
  }

  override updated(changed: PropertyValues<this>): void {
    this.#describe();
    if (changed.has('open')) {
      if (this.open) this.#openBox();
      else this.#closeBox();
    }
    if (this.open) this.#place();
  }

  // --- public API ---

  /** The article the tip is about, once the knowledge base is loaded (undefined if none matches). */
  get target(): ArticleMeta | undefined {
    const kb = this.source.knowledgeBase;
    if (!kb) return undefined;
    if (this.article) {
      const meta = kb.articleMeta(this.article);
      if (!meta) warnUnknownArticle(kb, this.article, '<kb-tip article>');
      return meta;
    }
    return this.context ? kb.forContext(this.context)[0] : undefined;
  }

  /** Opens the popover. */
  show(): void {
    this.open = true;
  }

  /** Closes the popover. */
  hide(): void {
    this.open = false;
  }

  /** Opens the popover if closed, closes it if open. */
  toggle(): void {
    this.open = !this.open;
  }

  // --- where the bundle comes from ---

  /** Without `src`, `knowledgeBase` or a surrounding `<kb-help>`'s, takes the bundle of the page's launcher or `<kb-help>`. */
  #useSourceOfPage(): void {
    if (this.src || this.knowledgeBase || this.handedDown) return;
    const provider = document.querySelector('kb-launcher[src], kb-help[src]');
    if (!provider) return;
    this.src = provider.getAttribute('src')!;
    this.credentials ??= (provider.getAttribute('credentials') as KbCredentials | null) ?? undefined;
  }

  // --- the popover ---

  #openBox(): void {
    const popover = this.box!;
    if (popover.showPopover && !popover.matches(':popover-open')) popover.showPopover();
    window.addEventListener('scroll', this.#place, true);
    window.addEventListener('resize', this.#place);
    if (this.trigger) this.#visibility.observe(this.trigger);
  }

  /** The button scrolled away: the popover goes with it (focus inside moves to the button, unscrolled). */
  #closeOutOfView(): void {
    const focusInside = this.shadowRoot!.activeElement && this.shadowRoot!.activeElement !== this.trigger;
    this.open = false;
    if (focusInside) this.trigger?.focus({ preventScroll: true });
  }

  #closeBox(): void {
    const popover = this.box;
    if (popover?.hidePopover && popover.matches(':popover-open')) popover.hidePopover();
    this.#stopFollowing();
  }

  #stopFollowing(): void {
    window.removeEventListener('scroll', this.#place, true);
    window.removeEventListener('resize', this.#place);
    this.#visibility.disconnect();
  }

  /** Puts the popover next to the button, inside the viewport: flips and slides at the edges. */
  #place = (): void => {
    const button = this.trigger;
    const popover = this.box;
    if (!button || !popover || !this.open) return;
    const anchor = button.getBoundingClientRect();
    const width = popover.offsetWidth;
    const height = popover.offsetHeight;
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = document.documentElement.clientHeight;
    const below = anchor.bottom + GAP;
    const above = anchor.top - GAP - height;
    const fitsBelow = below + height <= viewHeight - EDGE;
    const fitsAbove = above >= EDGE;
    let top = this.placement === 'top' ? (fitsAbove || !fitsBelow ? above : below) : fitsBelow || !fitsAbove ? below : above;
    top = Math.max(EDGE, Math.min(top, viewHeight - height - EDGE));
    const left = Math.max(EDGE, Math.min(anchor.left + anchor.width / 2 - width / 2, viewWidth - width - EDGE));
    popover.style.top = `${Math.round(top)}px`;
    popover.style.left = `${Math.round(left)}px`;
    popover.dataset.side = top < anchor.top ? 'top' : 'bottom';
  };

  /** The chosen section (sanitized), or undefined when it is not found or its body fails to load. */
  async #loadSection(kb: KnowledgeBase, id: string, section: string): Promise<DocumentFragment | undefined> {
    try {
      const article = await kb.article(id);
      const base = this.source.baseUrl;
      return article
        ? sectionContent(article.html, section, {
            baseUrl: base,
            articleLink: (href, authored) => resolveArticleLink(kb, href, authored, base),
          })
        : undefined;
    } catch {
      return undefined;
    }
  }

  // --- the field's description ---

  /**
   * Points the `for` field's `aria-describedby` at a hidden description placed right after the
   * tip. Not inside the tip: an unslotted child of a shadow host has no box, and Chromium then
   * computes no description from it. Hidden, so it is read with the field, not on its own.
   */
  #describe(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const field = this.htmlFor ? root.getElementById?.(this.htmlFor) : null;
    if (field !== this.#describedField) this.#undescribe();
    if (!field) return;
    if (!this.#description) {
      this.#description = document.createElement('span');
      this.#description.id = `${this.#uid}-description`;
      this.#description.hidden = true;
    }
    if (this.nextSibling !== this.#description) this.after(this.#description);
    const target = this.target;
    const kb = this.source.knowledgeBase;
    const lang = kb && target ? contentLanguage(kb, target) : undefined;
    // Only on a change: the page's lang observer would re-render every element on each write.
    if (lang && this.#description.lang !== lang) Object.assign(this.#description, { lang, dir: textDirection(lang) });
    this.#description.textContent = target ? `${target.title}. ${shorten(target.excerpt, MAX_TEXT)}` : '';
    const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (!ids.includes(this.#description.id)) field.setAttribute('aria-describedby', [...ids, this.#description.id].join(' '));
    this.#describedField = field;
  }

  #undescribe(): void {
    const field = this.#describedField;
    const id = this.#description?.id;
    if (field && id) {
      const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
      if (ids.length) field.setAttribute('aria-describedby', ids.join(' '));
      else field.removeAttribute('aria-describedby');
    }
    this.#description?.remove();
    this.#description = undefined;
    this.#describedField = undefined;
  }

  // --- handlers ---

  #onOutsidePointer = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.preventDefault();
    event.stopPropagation();
    this.open = false;
    this.trigger?.focus();
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.open && next && !this.contains(next) && !this.shadowRoot!.contains(next)) this.open = false;
  };

  #onReadMore = (event: MouseEvent): void => {
    const target = this.target;
    if (!target) return;
    const section = this.section || undefined;
    this.open = false;
    if (this.articleUrl) {
      // A real link: the browser follows it unless the host takes over.
      if (!requestArticleOpen(this, target.id, section)) event.preventDefault();
      return;
    }
    this.#openArticle(target.id, section);
  };

  /** A link to another article inside the section: open it like "Learn more" does. */
  #onSectionClick = (event: MouseEvent): void => {
    const link = (event.target as Element).closest?.(`a[${ARTICLE_LINK_ATTR}]`);
    if (!link || isModifiedClick(event)) return;
    event.preventDefault();
    this.open = false;
    this.#openArticle(link.getAttribute(ARTICLE_LINK_ATTR)!, link.getAttribute(SECTION_LINK_ATTR) ?? undefined);
  };

  /** Fires `kb-article-open`; unless cancelled, shows the article where the page shows help. */
  #openArticle(articleId: string, sectionId?: string): void {
    // Focus leaves the closing popover for the "?" button, so a panel that opens now returns
    // focus there when it closes.
    this.trigger?.focus();
    if (!requestArticleOpen(this, articleId, sectionId, this.articleUrl || undefined)) return;
    if (this.articleUrl) return;
    const opener = this.#findOpener();
    if (opener?.openArticle) opener.openArticle(articleId, sectionId);
    else if (opener?.open) {
      opener.open(articleId, sectionId);
      opener.scrollIntoView?.({ block: 'start' });
    }
  }

  /** Where "Learn more" shows the article: the `help` element, the launcher, a `<kb-help>`. */
  #findOpener(): ArticleOpener | undefined {
    const named = this.help ? (document.querySelector(this.help) as ArticleOpener | null) : null;
    if (named) return named;
    const launcher = document.querySelector('kb-launcher:not([duplicate])');
    if (launcher) return launcher as ArticleOpener;
    const help = document.querySelector('kb-help');
    if (help) return help as ArticleOpener;
    if (!this.src) return undefined;
    const src = new URL(this.src, document.baseURI).href;
    return activeLauncher(this.credentials ? { src, credentials: this.credentials } : { src }) as unknown as ArticleOpener;
  }

  // --- render ---

  #renderContent(t: KbStrings) {
    const kb = this.source.knowledgeBase;
    if (!kb) return renderSourceState(this.source, t);
    const target = this.target;
    if (!target) {
      return html`<div class="kb-state" part="state"><p class="kb-state__title">${t.articleNotFound}</p></div>`;
    }
    const heading = this.section ? target.headings.find((h) => h.id === this.section) : undefined;
    const body = heading && this.#section.value;
    const readMore = t.learnMore;
    const lang = contentLanguage(kb, target);
    return html`
      <p class="title" part="title" ${language(lang)}>${target.title}</p>
      ${heading ? html`<p class="section" part="section" ${language(lang)}>${heading.text}</p>` : nothing}
      ${
        body
          ? html`<div class="text section-body" part="text" tabindex="0" ${language(lang)} @click=${this.#onSectionClick /* eslint-disable-line lit-a11y/click-events-have-key-events -- delegated: the clicks of the links inside, which a key press clicks too */}>${body.cloneNode(true)}</div>`
          : html`<p class="text" part="text" ${language(lang)}>${shorten(target.excerpt, MAX_TEXT)}</p>`
      }
      ${
        this.articleUrl
          ? html`<a class="read-more" part="read-more" href=${articleHref(this.articleUrl, target.id, this.section || undefined)!} @click=${this.#onReadMore}>${readMore}</a>`
          : html`<button type="button" class="read-more" part="read-more" @click=${this.#onReadMore}>${readMore}</button>`
      }
    `;
  }

  override render() {
    if (!this.article && !this.context) return nothing;
    const { t } = this.i18n;
    const target = this.target;
    const label = this.label || (target ? format(t.moreAbout, { topic: target.title }) : t.helpTitle);
    return html`<span class="tip" @keydown=${this.#onKeydown} @focusout=${this.#onFocusOut}>
      <button
        type="button"
        class="trigger"
        part="button"
        aria-label=${label}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="kb-popover"
        @click=${this.toggle}
      >
        <span aria-hidden="true">?</span>
      </button>
      <div id="kb-popover" class="popover" part="popover" role="dialog" aria-label=${target?.title ?? t.helpTitle} popover="manual">
        ${this.open ? this.#renderContent(t) : nothing}
      </div>
    </span>`;
  }
}

if (!customElements.get('kb-tip')) customElements.define('kb-tip', KbTip);

declare global {
  interface HTMLElementTagNameMap {
    'kb-tip': KbTip;
  }
}
