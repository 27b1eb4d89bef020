import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ArticleMeta, KnowledgeBase } from '../../core/index';
import '../kb-article/kb-article';
import '../kb-article-list/kb-article-list';
import '../kb-categories/kb-categories';
import '../kb-search/kb-search';
import { hotkeyConverter, type KbSearch, type KbSearchHotkey } from '../kb-search/kb-search';
import { contentLanguage, inLanguage, isolatedFormat, language } from '../shared/bidi';
import { KbArticleOpenEvent, KbArticleViewEvent, KbContactEvent, KbNavigateEvent, type KbView } from '../shared/events';
import { fromHash, toHash, type KbLocation } from '../../core/hash-route';
import { renderHighlighted } from '../shared/highlight';
import { KbContextProvider } from '../shared/kb-context';
import { LiveRegion } from '../shared/live-region';
import { warnUnknownArticle } from '../shared/unknown-article';
import { isModifiedClick } from '../shared/open-article';
import { RouteContextController } from '../shared/route-context';
import { renderEmpty, renderSourceState } from '../shared/state-view';
import type { KbStrings } from '../shared/strings';
import { HelpHistory } from './help-history';
import { styles } from './kb-help.styles';
import { KbSourceElement } from '../shared/kb-source-element';

/** Where the browser history stores our position, to tell our entries from the page's. */
const STATE_KEY = 'kbHelpIndex';
const ARTICLE_URL = '#kb/{id}';
const CATEGORY_URL = '#kb?category={id}';
const SEARCH_LIMIT = 50;

function locationOf(view: KbView, id = ''): KbLocation {
  if (view === 'article' || view === 'category') return { view, id };
  if (view === 'search') return { view, query: id };
  return { view: 'home' };
}

/** The `kb-navigate` event for a move to `location`. */
function navigateEvent(location: KbLocation): KbNavigateEvent {
  return new KbNavigateEvent(
    location.view,
    location.view === 'search' ? location.query : location.view === 'home' ? undefined : location.id,
  );
}

const icon = (path: string) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${svg`<path d=${path} />`}</svg>`;

/**
 * The whole help center in one element: a home page (intro, search, "Suggested for this
 * page", popular articles, categories), category pages, articles and search results, with
 * back and forward inside it. It loads the bundle once and hands it down to the elements
 * inside (with its `strings`), through `@lit/context`.
 *
 * With `routing="hash"` the location is mirrored in the URL hash (`#kb/<id>` for an article,
 * `#kb?category=<id>`, `#kb?q=<query>`, `#kb` for home), so deep links and the browser's
 * back button work. Without it the page URL is never touched.
 *
 * Events from the elements inside (opening an article, picking a category, searching) are
 * re-fired from `<kb-help>` itself, so a host listens in one place and can cancel them.
 *
 * "Still need help?": with `contact-url`, or content of its own in `slot="contact"`, the end
 * of an article and of a search that found nothing offer the way to a person; following it
 * fires the cancelable `kb-contact` (the host may open its own form). Off unless configured.
 *
 * @summary Full help center: home, categories, articles, search results, with its own history.
 *
 * @csspart base - The wrapper of the whole help center.
 * @csspart header - The bar with back, forward, home and the search box.
 * @csspart nav-button - The back, forward and home buttons.
 * @csspart view - The area below the header that shows the current page.
 * @csspart title - The title of the home page and of the search results.
 * @csspart section - Each block of the home page (suggested, popular, categories).
 * @csspart hit - One search result in the results page.
 * @csspart state - The loading, error and empty boxes.
 * @csspart retry - The "Try again" button of the error box.
 * @csspart contact - The "Still need help?" box at the end of an article and of a search that found nothing.
 * @csspart contact-link - Its "Contact support" link (with `contact-url`).
 *
 * @slot contact - Your own "Still need help?" content (a chat button, a form link), instead of the `contact-url` link.
 *
 * @cssproperty --kb-accent - Links, buttons and focus ring.
 * @cssproperty --kb-surface - Background.
 * @cssproperty --kb-text - Text colour.
 * @cssproperty --kb-text-muted - Secondary text.
 * @cssproperty --kb-border-color - Lines and card borders.
 * @cssproperty --kb-radius - Corner radius.
 * @cssproperty --kb-spacing - Base spacing unit.
 * @cssproperty --kb-font - Font family (inherits the page's by default).
 * @cssproperty --kb-help-max-width - Maximum width of the content (default 64rem).
 *
 * @fires kb-article-open - The user opens an article (from search, a list, a link, a related article). Cancelable: the host takes over.
 * @fires kb-article-view - An article was shown because the user asked for it.
 * @fires kb-navigate - The user goes home, to a category, to search results, or back/forward. Cancelable.
 * @fires kb-search - From the search box: the user searched.
 * @fires kb-no-results - From the search box: a search found nothing.
 * @fires kb-feedback - From an article: the user answered "Was this article helpful?".
 * @fires kb-contact - The user followed "Still need help?" (cancelable: the host shows its own contact form). `{ articleId?, query?, url? }`.
 */
@customElement('kb-help')
export class KbHelp extends KbSourceElement {
  static override styles = [KbSourceElement.styles, styles];

  readonly #route = new RouteContextController(this);
  readonly #history = new HelpHistory();
  readonly #live = new LiveRegion(this);
  /** The host showed an article or home: the search box's query is stale (cleared once the box exists). */
  #clearSearchPending = false;
  /** The results location whose count was announced. */
  #announced?: KbLocation;
  /** `focusSearch()` was called before the search box was shown. */
  #focusSearchPending = false;
  /** A user move happened: after the next render, focus goes to the new view. */
  #focusPending = false;

  @query('kb-categories') private categoriesEl?: HTMLElement & { updateComplete: Promise<unknown> };
  @query('h1') private titleEl?: HTMLElement;
  @query('kb-search') private searchEl?: KbSearch;

  /** `hash` mirrors the location in the URL hash (`#kb/<id>`); unset keeps the URL alone. */
  @property() routing?: 'hash';

  /** Title of the home page (default: the knowledge base's title). */
  @property() heading?: string;

  /** Intro text under the home page's title (default: the `helpIntro` string). */
  @property() intro?: string;

  /** Ctrl/Cmd-K and `/` focus the search box (never while the user types in another field); `hotkey="ctrl-k"`: only Ctrl/Cmd-K. */
  @property({ converter: hotkeyConverter }) hotkey: KbSearchHotkey = false;

  /** Where "Still need help?" leads (a contact page, a `mailto:`); unset and no `slot="contact"`: not offered. */
  @property({ attribute: 'contact-url' }) contactUrl = '';

  /** How many popular articles the home page lists. */
  @property({ type: Number, attribute: 'popular-count' }) popularCount = 5;

  /** Bumped on every move, so Lit re-renders the view. */
  @state() private moves = 0;

  /** The host put content into `slot="contact"`. */
  @state() private contactSlotted = false;

  constructor() {
    super();
    // The elements inside get from this one the knowledge base, `src` (for relative links) and the strings.
    new KbContextProvider(this, () => {
      const kb = this.source.knowledgeBase;
      return kb && { knowledgeBase: kb, src: this.src, strings: this.strings };
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.routing === 'hash') this.#startHashRouting();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#stopHashRouting();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('routing') && this.hasUpdated) {
      this.#stopHashRouting();
      if (this.routing === 'hash') this.#startHashRouting();
    }
  }

  override updated() {
    const location = this.#history.current;
    if (location.view === 'search' && this.searchEl && this.searchEl.query.trim() !== location.query) {
      this.searchEl.showQuery(location.query);
    }
    if (this.#focusSearchPending && this.searchEl) {
      this.#focusSearchPending = false;
      this.focusSearch();
    }
    if (this.#clearSearchPending && this.searchEl) {
      this.#clearSearchPending = false;
      if (location.view !== 'search') this.searchEl.clear();
    }
    if (location.view === 'search' && this.#announced !== location && this.source.knowledgeBase) {
      this.#announced = location;
      const count = this.renderRoot.querySelectorAll('[part="hit"]').length;
      this.#live.announce(this.i18n.resultsFound(count, location.query));
    }
    if (!this.#focusPending || !this.source.knowledgeBase) return;
    this.#focusPending = false;
    if (location.view === 'category') {
      const list = this.categoriesEl;
      void list?.updateComplete.then(() => list.shadowRoot?.querySelector<HTMLElement>('[part~="heading"]')?.focus());
    } else if (location.view !== 'article') {
      this.titleEl?.focus();
    }
  }

  /** The location shown now. */
  get location(): KbLocation {
    return this.#history.current;
  }

  // --- public methods (the host's calls: no events) ---

  /** Shows an article, scrolled to `sectionId` if given (the search box is emptied). */
  open(articleId: string, sectionId?: string): void {
    const kb = this.source.knowledgeBase;
    if (kb && !kb.articleMeta(articleId)) warnUnknownArticle(kb, articleId, 'open() / kbElements.openArticle()');
    this.#clearSearchPending = true;
    this.#go(sectionId ? { view: 'article', id: articleId, section: sectionId } : { view: 'article', id: articleId }, false);
  }

  /** Shows the search results for `query` (the home page for an empty one). */
  search(query: string): void {
    const trimmed = String(query ?? '').trim();
    this.#go(trimmed ? { view: 'search', query: trimmed } : { view: 'home' }, false);
  }

  /** Shows the home page (the search box is emptied). */
  home(): void {
    this.#clearSearchPending = true;
    this.#go({ view: 'home' }, false);
  }

  /** Puts the cursor in the search box: now, or as soon as it is shown (the bundle is in). */
  focusSearch(): void {
    const box = this.searchEl;
    if (box) void box.updateComplete.then(() => box.focus());
    else {
      this.#focusSearchPending = true;
      this.requestUpdate();
    }
  }

  /** Goes back one step inside the help center, if it can. */
  back(): void {
    this.#step(-1);
  }

  /** Goes forward one step inside the help center, if it can. */
  forward(): void {
    this.#step(1);
  }

  // --- navigation ---

  #go(location: KbLocation, user: boolean): void {
    if (!this.#history.push(location)) {
      if (user) this.#focusPending = true;
      this.moves++;
      return;
    }
    if (this.routing === 'hash') history.pushState({ [STATE_KEY]: this.#history.position }, '', toHash(location));
    this.#shown(user);
  }

  #step(delta: number): void {
    if (!this.#history.peek(delta)) return;
    if (this.routing === 'hash') history.go(delta);
    else if (this.#history.go(delta)) this.#shown(false);
  }

  /** After a move: re-render, move focus on user moves, report a shown article. */
  #shown(user: boolean): void {
    this.moves++;
    this.#focusPending = user;
    const location = this.#history.current;
    if (user && location.view === 'article' && this.source.knowledgeBase?.articleMeta(location.id)) {
      this.dispatchEvent(new KbArticleViewEvent(location.id));
    }
  }

  /** The user moves (a control of ours or an element inside): fire the event, then go unless cancelled. */
  #userGo(location: KbLocation): void {
    const event = location.view === 'article' ? new KbArticleOpenEvent(location.id, location.section) : navigateEvent(location);
    if (this.dispatchEvent(event)) this.#go(location, true);
  }

  /** The user pressed Back or Forward: `kb-navigate` to where that leads, then go unless cancelled. */
  #userStep(delta: number): void {
    const target = this.#history.peek(delta);
    if (!target || !this.dispatchEvent(navigateEvent(target))) return;
    if (this.routing === 'hash') {
      this.#focusPending = true;
      history.go(delta);
      return;
    }
    this.#history.go(delta);
    this.#shown(true);
  }

  // Events from the elements inside: stop them, re-fire from <kb-help>, and act unless cancelled.
  #onInnerOpen = (e: KbArticleOpenEvent) => {
    e.stopPropagation();
    e.preventDefault();
    this.#userGo(e.sectionId ? { view: 'article', id: e.articleId, section: e.sectionId } : { view: 'article', id: e.articleId });
  };

  #onInnerNavigate = (e: KbNavigateEvent) => {
    e.stopPropagation();
    e.preventDefault();
    this.#userGo(locationOf(e.view, e.id));
  };

  // --- hash routing ---

  #stopHashRouting(): void {
    window.removeEventListener('popstate', this.#onBrowserMove);
    window.removeEventListener('hashchange', this.#onBrowserMove);
  }

  #startHashRouting(): void {
    window.addEventListener('popstate', this.#onBrowserMove);
    window.addEventListener('hashchange', this.#onBrowserMove);
    const location = fromHash(window.location.hash);
    if (location) this.#history.replace(location);
    history.replaceState({ ...(history.state ?? {}), [STATE_KEY]: this.#history.position }, '', window.location.href);
    this.moves++;
  }

  /** The browser moved (back/forward, a typed or followed `#kb…` link). */
  #onBrowserMove = () => {
    const location = fromHash(window.location.hash) ?? { view: 'home' };
    const index = (history.state as Record<string, unknown> | null)?.[STATE_KEY];
    const focus = this.#focusPending;
    if (typeof index === 'number' && this.#history.restore(index, location)) {
      this.#shown(focus);
      return;
    }
    if (this.#history.push(location)) {
      history.replaceState({ ...(history.state ?? {}), [STATE_KEY]: this.#history.position }, '', window.location.href);
      this.#shown(focus);
    }
  };

  // --- "Still need help?" ---

  #onContactSlot = (e: Event) => {
    this.contactSlotted = (e.target as HTMLSlotElement)
      .assignedNodes({ flatten: true })
      .some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent!.trim());
  };

  /** A link or button of the contact box was used: `kb-contact`, and the host may take over. */
  #onContact(e: MouseEvent, context: { articleId?: string; query?: string }): void {
    const control = e
      .composedPath()
      .find(
        (n): n is HTMLElement => n instanceof HTMLElement && (n.localName === 'button' || (n.localName === 'a' && n.hasAttribute('href'))),
      );
    if (!control || isModifiedClick(e)) return;
    const url = control instanceof HTMLAnchorElement ? control.href : undefined;
    if (!this.dispatchEvent(new KbContactEvent({ ...context, url }))) e.preventDefault();
  }

  // --- rendering ---

  override render() {
    const kb = this.source.knowledgeBase;
    const t = this.i18n.t;
    if (!kb) return html`<div class="help" part="base">${renderSourceState(this.source, t)}</div>${this.#live.render()}`;
    return html`<div class="help" part="base" @kb-article-open=${this.#onInnerOpen} @kb-navigate=${this.#onInnerNavigate}>
        ${this.#renderHeader(t)}
        <div class="view" part="view" data-view=${this.#history.current.view}>${this.#renderView(kb, t)}</div>
      </div>
      ${this.#live.render()}`;
  }

  /**
   * The way to a person, at the end of an article (`articleId`) or of a search that found
   * nothing (`query`): the host's `slot="contact"` content, else the `contact-url` link (not as
   * the slot's fallback: a slot passed through, as the launcher's is, always counts as
   * content). Hidden while there is neither (the slot stays, to notice content arriving).
   */
  #renderContact(t: KbStrings, context: { articleId?: string; query?: string }): TemplateResult {
    return html`<section class="contact" part="contact" aria-labelledby="kb-contact-title" ?hidden=${!this.contactUrl && !this.contactSlotted} @click=${(e: MouseEvent) => this.#onContact(e, context) /* eslint-disable-line lit-a11y/click-events-have-key-events -- delegated: the clicks of the links and buttons inside, which a key press clicks too */}>
      <h2 id="kb-contact-title">${t.contactTitle}</h2>
      <slot name="contact" @slotchange=${this.#onContactSlot}></slot>
      ${
        this.contactUrl && !this.contactSlotted
          ? html`<p>${t.contactText}</p>
            <a class="button button--primary" part="contact-link" href=${this.contactUrl}>${t.contactLink}</a>`
          : nothing
      }
    </section>`;
  }

  #renderHeader(t: KbStrings): TemplateResult {
    return html`<div class="header" part="header">
      <div class="nav" role="group" aria-label=${t.helpTitle}>
        <button type="button" class="nav-button flip" part="nav-button" aria-label=${t.back} title=${t.back} ?disabled=${!this.#history.canGoBack} @click=${() => this.#userStep(-1)}>
          ${icon('M15 5l-7 7 7 7')}
        </button>
        <button type="button" class="nav-button flip" part="nav-button" aria-label=${t.forward} title=${t.forward} ?disabled=${!this.#history.canGoForward} @click=${() => this.#userStep(1)}>
          ${icon('M9 5l7 7-7 7')}
        </button>
        <button type="button" class="nav-button" part="nav-button" aria-label=${t.home} title=${t.home} ?disabled=${this.#history.current.view === 'home'} @click=${() => this.#userGo({ view: 'home' })}>
          ${icon('M4 11l8-7 8 7M6 9.5V20h4.5v-6h3v6H18V9.5')}
        </button>
      </div>
      <kb-search
        class="search"
        .hotkey=${this.hotkey}
        article-url=${ARTICLE_URL}
        storage-key="kb-help-search"
      ></kb-search>
    </div>`;
  }

  #renderView(kb: KnowledgeBase, t: KbStrings): TemplateResult {
    const location = this.#history.current;
    switch (location.view) {
      case 'article':
        return html`<kb-article
            .focusOnShow=${this.#focusPending}
            article-id=${location.id}
            section-id=${location.section ?? ''}
          ></kb-article>
          ${this.#renderContact(t, { articleId: location.id })}`;
      case 'category':
        return html`<kb-categories
          selected=${location.id}
          heading-level="1"
          article-url=${ARTICLE_URL}
          category-url=${CATEGORY_URL}
        ></kb-categories>`;
      case 'search':
        return this.#renderResults(kb, t, location.query);
      default:
        return this.#renderHome(kb, t);
    }
  }

  #renderHome(kb: KnowledgeBase, t: KbStrings): TemplateResult {
    const suggested = this.#route.suggestions(kb, 5);
    return html`
      <div class="intro">
        <h1 part="title" tabindex="-1" ${language(!this.heading && kb.meta.title ? contentLanguage(kb) : undefined)}>${this.heading || kb.meta.title || t.helpTitle}</h1>
        <p>${this.intro ?? t.helpIntro}</p>
      </div>
      ${
        suggested.length
          ? html`<section class="section" part="section" aria-labelledby="suggested">
            <h2 id="suggested">${t.suggestedForPage}</h2>
            ${this.#renderArticleLinks(kb, suggested)}
          </section>`
          : nothing
      }
      <section class="section" part="section" aria-labelledby="popular">
        <h2 id="popular">${t.popularArticles}</h2>
        <kb-article-list limit=${this.popularCount} page-size="0" label=${t.popularArticles} article-url=${ARTICLE_URL}></kb-article-list>
      </section>
      <section class="section" part="section" aria-labelledby="categories">
        <h2 id="categories">${t.categories}</h2>
        <kb-categories article-url=${ARTICLE_URL} category-url=${CATEGORY_URL}></kb-categories>
      </section>
    `;
  }

  #renderArticleLinks(kb: KnowledgeBase, articles: ArticleMeta[]): TemplateResult {
    return html`<ul class="links">
      ${articles.map(
        (a) =>
          html`<li ${language(contentLanguage(kb, a))}>
            <a href=${toHash({ view: 'article', id: a.id })} @click=${(e: MouseEvent) => this.#onLink(e, { view: 'article', id: a.id })}>${a.title}</a>
          </li>`,
      )}
    </ul>`;
  }

  #onLink(e: MouseEvent, location: KbLocation): void {
    if (isModifiedClick(e)) return;
    e.preventDefault();
    this.#userGo(location);
  }

  #renderResults(kb: KnowledgeBase, t: KbStrings, query: string): TemplateResult {
    const hits = query.trim() ? kb.search(query, { limit: SEARCH_LIMIT }) : [];
    const title = html`<h1 part="title" tabindex="-1">${isolatedFormat(t.resultsFor, { query })}</h1>`;
    if (!hits.length) {
      return html`${title}
        ${renderEmpty(
          isolatedFormat(t.noResults, { query }),
          html`<p>${t.noResultsHint}</p>
            <h2>${t.popularArticles}</h2>
            ${this.#renderArticleLinks(kb, kb.popular(this.popularCount))}`,
        )}
        ${this.#renderContact(t, { query })}`;
    }
    return html`${title}
      <p class="muted">${this.i18n.plural('resultCount', hits.length)}</p>
      <ol class="hits">
        ${hits.map((hit) => {
          const category = kb.category(hit.article.category);
          const lang = contentLanguage(kb, hit.article);
          const top: KbLocation = { view: 'article', id: hit.article.id };
          const section: KbLocation | undefined = hit.section && { view: 'article', id: hit.article.id, section: hit.section.id };
          // A hit is in its article's language; "Section: …" is a sentence of the interface.
          return html`<li class="hit" part="hit" ${language(lang)}>
            <a class="hit-title" href=${toHash(top)} @click=${(e: MouseEvent) => this.#onLink(e, top)}>${renderHighlighted(hit.titleHtml)}</a>
            ${
              section
                ? html`<a class="hit-section" href=${toHash(section)} ${language(this.i18n.uiLang)} @click=${(e: MouseEvent) => this.#onLink(e, section)}
                  >${isolatedFormat(t.inSection, { heading: inLanguage(hit.section!.heading, lang) })}</a
                >`
                : nothing
            }
            ${category ? html`<span class="hit-category muted">${inLanguage(category.title, contentLanguage(kb))}</span>` : nothing}
            <p class="hit-snippet">${renderHighlighted(hit.snippetHtml)}</p>
          </li>`;
        })}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-help': KbHelp;
  }
}
