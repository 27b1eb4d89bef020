import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ArticleMeta, Category, KnowledgeBase, SearchHit } from '../../core/index';
import { contentLanguage, inLanguage, language } from '../shared/bidi';
import { KbNavigateEvent, KbNoResultsEvent, KbSearchEvent } from '../shared/events';
import { renderHighlighted } from '../shared/highlight';
import { requestArticleOpen } from '../shared/open-article';
import { renderLoading, renderSourceState } from '../shared/state-view';
import { format, type KbStrings } from '../shared/strings';
import { LiveRegion } from '../shared/live-region';
import { readSession, writeSession } from '../shared/session';
import { styles } from './kb-search.styles';
import { KbSourceElement } from '../shared/kb-source-element';

const TOP_LAYER = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** One selectable row of the popup. */
interface Entry {
  kind: 'hit' | 'section' | 'popular' | 'category';
  /** Article id, or category id for `category`. */
  id: string;
  sectionId?: string;
}

/** How long the query must stay unchanged before `kb-search` / `kb-no-results` fire. */
const SETTLE_MS = 1000;
/** How long the result count waits before it is announced (so typing is not read out). */
const ANNOUNCE_MS = 350;
/**
 * Results are computed on every keystroke. Only when a search took longer than this (a very
 * large knowledge base, a one-letter prefix) is the next one moved to a task of its own, so
 * keystrokes already queued are taken first and coalesce into one search.
 */
const SLOW_SEARCH_MS = 12;
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
/** Below this viewport width the results popup spans the screen (less a margin), not just the field. */
const NARROW_SCREEN = 600;
const SCREEN_MARGIN = 8;

/** Which shortcuts focus the box: `true` Ctrl/⌘ K and `/`; `'ctrl-k'` only Ctrl/⌘ K. */
export type KbSearchHotkey = boolean | 'ctrl-k';

/** `hotkey` (or `hotkey=""`) → true, `hotkey="ctrl-k"` → 'ctrl-k', absent → false. */
export const hotkeyConverter = {
  fromAttribute: (value: string | null): KbSearchHotkey => (value === null ? false : value.toLowerCase() === 'ctrl-k' ? 'ctrl-k' : true),
  toAttribute: (value: KbSearchHotkey): string | null => (value === true ? '' : value || null),
};

/**
 * The search box: a WAI-ARIA combobox whose listbox popup shows results as you type.
 *
 * Each hit shows the title with the matched words highlighted, its category and a snippet;
 * the best-matching section shows as a sub-line of its own that opens the article at that
 * heading. Keys: ↓/↑ move through the results (wrapping), Home/End jump to the first/last
 * result once one is active, Enter opens, Esc closes the popup (and does nothing more: the
 * clear button clears, and a dialog around the box can close on the next Esc), Alt+↓ opens,
 * Tab leaves. A polite live region announces the number of results. Each result is named by
 * its title alone; its category and snippet are its description.
 *
 * With `hotkey`, Ctrl/⌘ K and `/` focus the box; `hotkey="ctrl-k"` leaves `/` alone (WCAG
 * 2.1.4). Neither fires while the user types elsewhere (text fields, editable regions,
 * `role="textbox"` widgets), nor while the box is out of reach (behind a modal dialog).
 *
 * When nothing matches, the popup says so, offers the popular articles and the categories,
 * and fires `kb-no-results` so the host can log what its users did not find.
 *
 * The last query is kept for the browser session (sessionStorage, per `storage-key`).
 *
 * Opening a result fires the cancelable `kb-article-open`. If nobody cancels it and
 * `article-url` is set (e.g. `/help/{id}#{section}`), the page navigates there.
 *
 * @summary Search box (WAI-ARIA combobox) over a knowledge-base bundle.
 *
 * @fires kb-article-open - The user picked a result (cancelable). `{ articleId, sectionId? }`.
 * @fires kb-search - The user searched: fired once the query rests for a second, or on Enter, leaving or picking. `{ query, resultCount }`.
 * @fires kb-no-results - A search the user ran found nothing (fired with `kb-search`). `{ query }`.
 * @fires kb-navigate - Enter without a picked result (`view: 'search'`, `id` = query; cancelable, else the first hit opens), or a category picked from the no-results suggestions (`view: 'category'`).
 *
 * @csspart base - The wrapper around field and popup.
 * @csspart field - The box around icon, input and clear button.
 * @csspart input - The text field.
 * @csspart clear - The clear button.
 * @csspart popup - The results popup.
 * @csspart option - Every result row.
 * @csspart option-active - The row the arrow keys are on (it also has `option`).
 * @csspart state - Loading / error / empty boxes.
 * @csspart retry - The retry button of the error box.
 *
 * @cssproperty --kb-accent - Accent colour (focus ring, active result, links).
 * @cssproperty --kb-surface - Background.
 * @cssproperty --kb-text - Text colour.
 * @cssproperty --kb-radius - Corner radius.
 * @cssproperty --kb-spacing - Base spacing unit.
 * @cssproperty --kb-font - Font family (inherited from the page by default).
 * @cssproperty --kb-search-popup-max-height - Maximum height of the results popup (default 24rem).
 * @cssproperty --kb-popup-z-index - Stacking of the popup (default 1000).
 */
@customElement('kb-search')
export class KbSearch extends KbSourceElement {
  static override styles = [KbSourceElement.styles, styles];

  readonly #live = new LiveRegion(this);
  #settleTimer?: ReturnType<typeof setTimeout>;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** The last query `kb-search` was fired for, so it fires once per query. */
  #reportedQuery = '';
  #lastSearchMs = 0;
  #pendingSearch?: ReturnType<typeof setTimeout>;

  @query('input') private input!: HTMLInputElement;
  @query('.field') private fieldEl?: HTMLElement;
  @query('.popup') private popupEl?: HTMLElement;

  /** Placeholder of the field (default: the `searchPlaceholder` string). */
  @property() placeholder?: string;

  /** Accessible label of the field (default: the `searchLabel` string). */
  @property() label?: string;

  /**
   * Ctrl/Cmd-K and `/` focus the field (never while the user types in another field);
   * `hotkey="ctrl-k"`: only Ctrl/Cmd-K, for pages where `/` must stay a plain key.
   */
  @property({ reflect: true, converter: hotkeyConverter }) hotkey: KbSearchHotkey = false;

  /** Maximum number of results in the popup. */
  @property({ type: Number }) limit = 8;

  /** Search only this category (and its subcategories). */
  @property() category?: string;

  /**
   * Where an opened result navigates when no listener cancels `kb-article-open`:
   * `{id}` and `{section}` are replaced (URL-encoded). Unset: only the event fires.
   */
  @property({ attribute: 'article-url' }) articleUrl?: string;

  /** sessionStorage key for the last query (one per search box); `''` keeps nothing. */
  @property({ attribute: 'storage-key' }) storageKey = 'kb-search';

  @state() private value = '';
  @state() private hits: SearchHit[] = [];
  @state() private open = false;
  @state() private active = -1;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onDocumentKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onDocumentKeydown);
    clearTimeout(this.#settleTimer);
    clearTimeout(this.#announceTimer);
    clearTimeout(this.#pendingSearch);
    this.#hideTopLayer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storageKey') && !this.value && this.storageKey) {
      this.value = readSession(this.#sessionKey) ?? '';
    }
    if ((changed.has('limit') || changed.has('category')) && this.hasUpdated) this.#runSearch();
  }

  protected override updated(): void {
    this.#syncTopLayer();
    if (this.active >= 0) this.#revealActive();
  }

  /** @internal Searches what the user typed while the bundle was loading. */
  protected override knowledgeBaseReady(): void {
    this.#runSearch();
  }

  /** The text in the field. */
  get query(): string {
    return this.value;
  }

  /** Shows the results for `query` (no events: the host did this, not the user). */
  search(query: string): void {
    this.showQuery(query);
    this.open = query.trim() !== '';
  }

  /**
   * Puts `query` in the field without opening the results, e.g. when the host shows the
   * results elsewhere (no events).
   */
  showQuery(query: string): void {
    this.value = query;
    this.#reportedQuery = query.trim();
    this.#remember();
    this.#runSearch();
    this.open = false;
  }

  /** Empties the field and closes the popup. */
  clear(): void {
    this.value = '';
    this.#remember();
    this.#runSearch();
    this.open = false;
  }

  /** Moves keyboard focus to the field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /**
   * Where the browser has popovers, the results popup is shown in the top layer, placed under
   * (or, with no room, over) the field, so no `overflow: hidden` ancestor of the host clips it.
   */
  #syncTopLayer(): void {
    const popup = this.popupEl;
    if (!TOP_LAYER || !popup) return;
    const shown = popup.matches(':popover-open');
    if (!popup.hidden && !shown) {
      popup.showPopover();
      this.#placePopup();
      window.addEventListener('scroll', this.#placePopup, { capture: true, passive: true });
      window.addEventListener('resize', this.#placePopup, { passive: true });
    } else if (popup.hidden && shown) {
      this.#hideTopLayer();
    } else if (shown) {
      this.#placePopup();
    }
  }

  #hideTopLayer(): void {
    window.removeEventListener('scroll', this.#placePopup, { capture: true });
    window.removeEventListener('resize', this.#placePopup);
    if (this.popupEl?.matches(':popover-open')) this.popupEl.hidePopover();
  }

  // Positions go through the CSSOM, which a strict style-src CSP allows.
  #placePopup = (): void => {
    const popup = this.popupEl;
    const field = this.fieldEl;
    if (!popup || !field) return;
    const box = field.getBoundingClientRect();
    const gap = 4;
    const below = window.innerHeight - box.bottom - gap * 2;
    const above = box.top - gap * 2;
    const flip = below < 160 && above > below;
    // On a phone the results take the screen's width, whatever the width of the field.
    const screen = document.documentElement.clientWidth;
    const wide = screen < NARROW_SCREEN;
    popup.style.left = `${wide ? SCREEN_MARGIN : box.left}px`;
    popup.style.width = `${wide ? screen - SCREEN_MARGIN * 2 : box.width}px`;
    popup.style.top = flip ? 'auto' : `${box.bottom + gap}px`;
    popup.style.bottom = flip ? `${window.innerHeight - box.top + gap}px` : 'auto';
    popup.style.setProperty('--_popup-room', `${Math.max(flip ? above : below, 120)}px`);
  };

  /** Scrolls the listbox (never the page) so the active row is in view. */
  #revealActive(): void {
    const option = this.renderRoot.querySelector<HTMLElement>(`#${this.#optionId(this.active)}`)?.closest<HTMLElement>('.option');
    const list = option?.closest<HTMLElement>('.listbox');
    if (!option || !list) return;
    // The first row of a group brings its group's heading along.
    const heading = option.previousElementSibling?.classList.contains('group-heading')
      ? (option.previousElementSibling as HTMLElement)
      : option;
    const top = heading.offsetTop - list.offsetTop;
    const bottom = option.offsetTop - list.offsetTop + option.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  get #sessionKey(): string {
    return `kb-elements:${this.storageKey}`;
  }

  #remember(): void {
    if (this.storageKey) writeSession(this.#sessionKey, this.value);
  }

  #runSearch(): void {
    clearTimeout(this.#pendingSearch);
    this.#pendingSearch = undefined;
    const kb = this.source.knowledgeBase;
    const query = this.value.trim();
    const start = performance.now();
    this.hits = kb && query ? kb.search(query, { limit: this.limit, category: this.category || undefined }) : [];
    this.#lastSearchMs = performance.now() - start;
    this.active = -1;
  }

  #runSearchSoon(): void {
    if (this.#lastSearchMs < SLOW_SEARCH_MS) return this.#runSearch();
    clearTimeout(this.#pendingSearch);
    this.#pendingSearch = setTimeout(() => this.#runSearch(), 0);
  }

  /** The selectable rows, in the order the arrow keys walk them. */
  get #entries(): Entry[] {
    if (this.hits.length) {
      return this.hits.flatMap((hit): Entry[] => {
        const row: Entry = { kind: 'hit', id: hit.article.id };
        return hit.section ? [row, { kind: 'section', id: hit.article.id, sectionId: hit.section.id }] : [row];
      });
    }
    if (!this.value.trim()) return [];
    return [
      ...this.#popular.map((a): Entry => ({ kind: 'popular', id: a.id })),
      ...this.#topCategories.map((c): Entry => ({ kind: 'category', id: c.id })),
    ];
  }

  /** Offered when nothing matches: within `category` if the search is restricted to one. */
  get #popular(): ArticleMeta[] {
    return this.source.knowledgeBase?.popular(5, this.category || undefined) ?? [];
  }

  get #topCategories(): Category[] {
    const parent = this.category || undefined;
    return (this.source.knowledgeBase?.categories() ?? []).filter((c) => c.parent === parent);
  }

  #optionId(index: number): string {
    return `option-${index}`;
  }

  // ---- events from the user ----

  #onInput(): void {
    this.value = this.input.value;
    this.#remember();
    this.#runSearchSoon();
    this.open = this.value.trim() !== '';
    this.#scheduleSettle();
    this.#scheduleAnnouncement();
  }

  #onKeydown(e: KeyboardEvent): void {
    if (this.#pendingSearch !== undefined) this.#runSearch();
    const count = this.#entries.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (e.altKey) {
          this.open = e.key === 'ArrowDown' && this.value.trim() !== '';
          if (!this.open) this.active = -1;
          return;
        }
        if (!this.value.trim()) return;
        const wasOpen = this.open;
        this.open = true;
        if (!count) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        if (!wasOpen || this.active < 0) this.active = step > 0 ? 0 : count - 1;
        else this.active = (this.active + step + count) % count;
        return;
      }
      case 'Home':
      case 'End':
        if (this.open && this.active >= 0 && count) {
          e.preventDefault();
          this.active = e.key === 'Home' ? 0 : count - 1;
        }
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        this.active = -1;
        return;
      case 'Enter': {
        if (e.isComposing) return;
        e.preventDefault();
        const entry = this.open ? this.#entries[this.active] : undefined;
        if (entry) this.#choose(entry);
        else this.#submit();
        return;
      }
      case 'Escape':
        // Only an open popup takes Esc; otherwise it is left to the page (a dialog closes).
        if (this.open) {
          e.preventDefault();
          this.open = false;
          this.active = -1;
        }
        return;
      case 'Tab':
        this.#close();
        return;
    }
  }

  #onFieldClick(): void {
    if (this.value.trim()) this.open = true;
  }

  #onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (next && this.renderRoot.contains(next)) return;
    this.#close();
  }

  #close(): void {
    this.open = false;
    this.active = -1;
    this.#report();
  }

  #onClear(): void {
    this.clear();
    this.#live.clear();
    this.input.focus();
  }

  readonly #onDocumentKeydown = (e: KeyboardEvent): void => {
    if (!this.hotkey || e.defaultPrevented || !this.isConnected) return;
    const modK = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
    const slash = this.hotkey === true && e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (!modK && !slash) return;
    const target = e.composedPath()[0];
    if (target === this.input || isTypingTarget(target)) return;
    if (!this.checkVisibility()) return;
    this.input.focus();
    // Behind a modal dialog (inert) the field cannot take focus: the key is not ours then.
    if (this.shadowRoot?.activeElement !== this.input) return;
    e.preventDefault();
    this.input.select();
  };

  /** Opens an entry of the popup: an article (maybe at a section) or a category. */
  #choose(entry: Entry): void {
    this.#report();
    this.open = false;
    this.active = -1;
    if (entry.kind === 'category') {
      this.dispatchEvent(new KbNavigateEvent('category', entry.id));
      return;
    }
    requestArticleOpen(this, entry.id, entry.sectionId, this.articleUrl);
  }

  /** Enter with no active result: the host may show a results page, else the first hit opens. */
  #submit(): void {
    const query = this.value.trim();
    if (!query) return;
    this.#report();
    if (!this.dispatchEvent(new KbNavigateEvent('search', query))) {
      this.open = false;
      return;
    }
    const first = this.hits[0];
    if (first) this.#choose({ kind: 'hit', id: first.article.id, sectionId: first.section?.id });
    else this.open = true;
  }

  /** Fires `kb-search` (and `kb-no-results`) once for the query the user settled on. */
  #report(): void {
    clearTimeout(this.#settleTimer);
    if (this.#pendingSearch !== undefined) this.#runSearch();
    const query = this.value.trim();
    if (!query || query === this.#reportedQuery || !this.source.knowledgeBase) return;
    this.#reportedQuery = query;
    this.dispatchEvent(new KbSearchEvent(query, this.hits.length));
    if (!this.hits.length) this.dispatchEvent(new KbNoResultsEvent(query));
  }

  #scheduleSettle(): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#report(), SETTLE_MS);
  }

  #scheduleAnnouncement(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const query = this.value.trim();
      if (!query || !this.source.knowledgeBase) this.#live.clear();
      else this.#live.announce(this.i18n.resultsFound(this.hits.length, query));
    }, ANNOUNCE_MS);
  }

  // ---- render ----

  override render() {
    const { t } = this.i18n;
    const kb = this.source.knowledgeBase;
    const expanded = this.open && !!kb;
    const activeId = expanded && this.active >= 0 ? this.#optionId(this.active) : undefined;
    const hotkeyLabel = isMac() ? '⌘K' : t.hotkeyCtrlK;
    return html`<div class="base" part="base" @focusout=${this.#onFocusOut}>
      <div class="field" part="field">
        <svg class="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5"></circle>
          <path d="M12.5 12.5 17 17"></path>
        </svg>
        <input
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-label=${this.label ?? t.searchLabel}
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="popup"
          aria-activedescendant=${activeId ?? nothing}
          aria-keyshortcuts=${this.hotkey ? (this.hotkey === true ? 'Control+K Meta+K /' : 'Control+K Meta+K') : nothing}
          placeholder=${this.placeholder ?? t.searchPlaceholder}
          .value=${this.value}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @click=${this.#onFieldClick}
        />
        ${
          this.value
            ? html`<button type="button" class="clear" part="clear" tabindex="-1" aria-label=${t.clearSearch} @click=${this.#onClear}>
              <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M5 5l10 10M15 5 5 15"></path></svg>
            </button>`
            : this.hotkey
              ? html`<kbd class="hotkey" aria-hidden="true" title=${format(t.hotkeyHint, { key: hotkeyLabel })}>${hotkeyLabel}</kbd>`
              : nothing
        }
      </div>
      <div class="popup" part="popup" popover=${TOP_LAYER ? 'manual' : nothing} ?hidden=${!expanded} @mousedown=${preventBlur}>
        ${kb && expanded ? this.#renderPopup(kb, t) : nothing}
      </div>
      ${kb ? nothing : this.#renderSource(t)} ${this.#live.render()}
    </div>`;
  }

  #renderSource(t: KbStrings) {
    // The field stays usable while loading: what the user typed is searched once the bundle is in.
    if (this.source.state === 'loading' && this.value.trim()) return renderLoading(t);
    return this.source.state === 'error' ? renderSourceState(this.source, t) : nothing;
  }

  #renderPopup(kb: KnowledgeBase, t: KbStrings): TemplateResult {
    if (this.hits.length) {
      let index = 0;
      return html`<div id="popup" role="listbox" aria-label=${t.searchResults} class="listbox">
        ${this.hits.map((hit) => {
          const main = this.#renderHit(hit, kb, index++);
          const sub = hit.section ? this.#renderSection(hit, kb, index++, t) : nothing;
          return html`${main}${sub}`;
        })}
      </div>`;
    }
    const query = this.value.trim();
    const popular = this.#popular;
    const categories = this.#topCategories;
    let index = 0;
    return html`<div class="empty" part="state">
        <p class="empty__title">${format(t.noResults, { query })}</p>
        ${popular.length || categories.length ? html`<p class="muted">${t.noResultsHint}</p>` : nothing}
      </div>
      <div id="popup" role="listbox" aria-label=${t.searchResults} class="listbox">
        ${
          popular.length
            ? html`<div role="group" aria-labelledby="popular-heading">
              <div class="group-heading" id="popular-heading" role="presentation">${t.popularArticles}</div>
              ${popular.map((a) =>
                this.#renderSimpleOption(
                  index++,
                  { kind: 'popular', id: a.id },
                  contentLanguage(kb, a),
                  a.title,
                  kb.category(a.category)?.title && inLanguage(kb.category(a.category)!.title, contentLanguage(kb)),
                ),
              )}
            </div>`
            : nothing
        }
        ${
          categories.length
            ? html`<div role="group" aria-labelledby="categories-heading">
              <div class="group-heading" id="categories-heading" role="presentation">${t.categories}</div>
              ${categories.map((c) =>
                this.#renderSimpleOption(
                  index++,
                  { kind: 'category', id: c.id },
                  contentLanguage(kb),
                  c.title,
                  inLanguage(this.i18n.plural('articleCount', c.totalCount), this.i18n.uiLang),
                ),
              )}
            </div>`
            : nothing
        }
      </div>`;
  }

  #optionParts(index: number): string {
    return index === this.active ? 'option option-active' : 'option';
  }

  /**
   * One row of the popup: the `option`, whose content is its name (a title), and beside it
   * what describes it (category, snippet), kept out of the option so the name stays short
   * (axe's label-in-name check wants an option's visible text in its name) and referenced by
   * `aria-describedby` (aria-hidden, so it is not read twice). The row is in the language
   * of what it shows (`lang`), and reads and aligns as that is written.
   */
  #renderRow(
    index: number,
    kind: string,
    entry: Entry,
    lang: string | undefined,
    name: unknown,
    about?: unknown,
    label?: string,
  ): TemplateResult {
    const id = this.#optionId(index);
    const active = index === this.active;
    return html`<div
      class="option ${kind} ${active ? 'is-active' : ''}"
      part=${this.#optionParts(index)}
      role="none"
      ${language(lang)}
      @mousedown=${preventBlur}
      @click=${() => this.#choose(entry)}
    >
      <div
        id=${id}
        role="option"
        class="option__name"
        aria-selected=${active ? 'true' : 'false'}
        aria-label=${label ?? nothing}
        aria-describedby=${about ? `${id}-about` : nothing}
      >
        ${name}
      </div>
      ${about ? html`<div class="option__about" id=${`${id}-about`} aria-hidden="true">${about}</div>` : nothing}
    </div>`;
  }

  #renderHit(hit: SearchHit, kb: KnowledgeBase, index: number): TemplateResult {
    const category = kb.category(hit.article.category)?.title;
    const lang = contentLanguage(kb, hit.article);
    return this.#renderRow(
      index,
      'hit',
      { kind: 'hit', id: hit.article.id, sectionId: hit.section?.id },
      lang,
      html`<span class="hit__title">${renderHighlighted(hit.titleHtml)}</span>`,
      html`${category ? html`<span class="hit__category muted">${inLanguage(category, contentLanguage(kb))}</span>` : nothing}
      ${hit.snippetHtml ? html`<span class="hit__snippet muted">${renderHighlighted(hit.snippetHtml)}</span>` : nothing}`,
    );
  }

  #renderSection(hit: SearchHit, kb: KnowledgeBase, index: number, t: KbStrings): TemplateResult {
    const section = hit.section!;
    return this.#renderRow(
      index,
      'section',
      { kind: 'section', id: hit.article.id, sectionId: section.id },
      contentLanguage(kb, hit.article),
      html`<span class="section__arrow" aria-hidden="true">↳</span><span class="section__text">${section.heading}</span>`,
      undefined,
      format(t.inSection, { heading: section.heading }),
    );
  }

  #renderSimpleOption(index: number, entry: Entry, lang: string | undefined, title: string, sub?: TemplateResult | string): TemplateResult {
    return this.#renderRow(
      index,
      'simple',
      entry,
      lang,
      html`<span class="hit__title">${title}</span>`,
      sub ? html`<span class="hit__category muted">${sub}</span>` : undefined,
    );
  }
}

/** Keeps focus in the field while an option is clicked. */
function preventBlur(e: Event): void {
  e.preventDefault();
}

/** Roles of widgets that take typed text (a custom editor may have one without being editable HTML). */
const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

/** Is the user typing in `target` (a text field, a select, an editable region, a text widget)? */
function isTypingTarget(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (TYPING_ROLES.has(target.getAttribute('role') ?? '')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image'].includes(target.type);
  }
  return false;
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-search': KbSearch;
  }
}
