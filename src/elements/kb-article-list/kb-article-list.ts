import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ArticleMeta, KnowledgeBase } from '../../core/index';
import { contentLanguage, inLanguage, isolatedFormat, language } from '../shared/bidi';
import { LiveRegion } from '../shared/live-region';
import { articleHref, isModifiedClick, requestArticleOpen } from '../shared/open-article';
import { ARTICLE_SORTS, sortArticles, type ArticleSort } from '../shared/sort-articles';
import { renderEmpty, renderSourceState } from '../shared/state-view';
import { format, type KbStrings } from '../shared/strings';
import { styles } from './kb-article-list.styles';
import { KbSourceElement } from '../shared/kb-source-element';

const SORT_LABELS: Record<ArticleSort, keyof KbStrings> = {
  order: 'sortOrder',
  popularity: 'sortPopularity',
  title: 'sortTitle',
  date: 'sortDate',
};

/**
 * A list of articles like a classic knowledge-base index page: each entry has its title, an
 * excerpt, and the view count formatted for the locale ("Views: 4,692"; none for an article
 * without views), plus the update date. It lists one category's articles (`category`), or the most viewed ones when no
 * category is set.
 *
 * Sorting: `sort` = `order` (the author's, default for a category), `popularity` (default
 * for the most viewed), `title` or `date`; `sortable` shows a "Sort by" select to the user.
 * Long lists are paginated (`page-size`, Previous / numbered pages / Next); after a page
 * change the focus moves to the first article of the new page.
 *
 * Picking an article fires the cancelable `kb-article-open`. With `article-url` the titles
 * are real links (open in new tab works) and the page goes there unless a listener cancels.
 *
 * @summary List of a category's articles or the most viewed ones, with views, sorting and pages.
 *
 * @fires kb-article-open - The user picked an article (cancelable). `{ articleId }`.
 *
 * @csspart base - The wrapper.
 * @csspart toolbar - The bar with the count and the sort select.
 * @csspart list - The list of articles.
 * @csspart item - One article entry.
 * @csspart link - The title link or button of an entry.
 * @csspart excerpt - The excerpt of an entry.
 * @csspart meta - The line with views and date.
 * @csspart pagination - The page navigation.
 * @csspart state - Loading / error / empty boxes.
 * @csspart retry - The retry button of the error box.
 *
 * @cssproperty --kb-accent - Accent colour (links, current page).
 * @cssproperty --kb-surface - Background.
 * @cssproperty --kb-text - Text colour.
 * @cssproperty --kb-radius - Corner radius.
 * @cssproperty --kb-spacing - Base spacing unit.
 * @cssproperty --kb-font - Font family (inherited from the page by default).
 */
@customElement('kb-article-list')
export class KbArticleList extends KbSourceElement {
  static override styles = [KbSourceElement.styles, styles];

  readonly #live = new LiveRegion(this);
  /** Set by a page change the user made, so focus follows to the new page. */
  #focusFirstAfterRender = false;

  /** Category id whose articles to list; unset lists the most viewed articles. */
  @property() category?: string;

  /** With `category`: also list the articles of its subcategories (each entry then names its category). */
  @property({ type: Boolean, attribute: 'include-subcategories' }) includeSubcategories = false;

  /** `order` | `popularity` | `title` | `date`; default `order` for a category, `popularity` otherwise. */
  @property() sort?: ArticleSort;

  /** Show a "Sort by" select so the user can change the order. */
  @property({ type: Boolean }) sortable = false;

  /** Articles per page; `0` shows all. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** How many of the most viewed articles to list when there is no `category`. */
  @property({ type: Number }) limit = 10;

  /** Current page, 1-based. */
  @property({ type: Number }) page = 1;

  /** Accessible name of the list (default: the category's title, or "Popular articles"). */
  @property() label?: string;

  /** Turns titles into links: `{id}` is replaced, e.g. `/help/{id}`. See `kb-article-open`. */
  @property({ attribute: 'article-url' }) articleUrl?: string;

  /** The order the user picked in the select (the `sort` property stays the host's). */
  @state() private userSort?: ArticleSort;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('category') || changed.has('sort')) {
      this.userSort = undefined;
      if (changed.has('category') && this.hasUpdated && !changed.has('page')) this.page = 1;
    }
  }

  protected override updated(): void {
    if (!this.#focusFirstAfterRender) return;
    this.#focusFirstAfterRender = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="link"]')?.focus();
  }

  /** The order in effect. */
  get effectiveSort(): ArticleSort {
    return this.userSort ?? this.sort ?? (this.category ? 'order' : 'popularity');
  }

  /** All articles of the list, sorted, before pagination (empty until the bundle is in). */
  get articles(): ArticleMeta[] {
    const kb = this.source.knowledgeBase;
    if (!kb) return [];
    return sortArticles(this.#unsorted(kb), this.effectiveSort, this.i18n.lang);
  }

  #unsorted(kb: KnowledgeBase): ArticleMeta[] {
    if (!this.category) return kb.popular(this.limit);
    if (!this.includeSubcategories) return kb.articles(this.category);
    // The category, then each subcategory in tree order (parents come before their children): the author's order, section by section.
    const within = new Set([this.category]);
    const ids: string[] = [];
    for (const c of kb.categories()) {
      if (c.id !== this.category && !(c.parent !== undefined && within.has(c.parent))) continue;
      within.add(c.id);
      ids.push(c.id);
    }
    return ids.flatMap((id) => kb.articles(id));
  }

  #goToPage(page: number, pages: number): void {
    this.page = page;
    this.#focusFirstAfterRender = true;
    this.#live.announce(format(this.i18n.t.pageOf, { page: this.i18n.number(page), pages: this.i18n.number(pages) }));
  }

  #onSortChange(e: Event): void {
    this.userSort = (e.target as HTMLSelectElement).value as ArticleSort;
    this.page = 1;
  }

  #onOpen(e: MouseEvent, article: ArticleMeta): void {
    if (this.articleUrl && isModifiedClick(e)) return;
    e.preventDefault();
    requestArticleOpen(this, article.id, undefined, this.articleUrl);
  }

  override render() {
    return html`${this.#renderList()}${this.#live.render()}`;
  }

  #renderList() {
    const { t } = this.i18n;
    const kb = this.source.knowledgeBase;
    if (!kb) return renderSourceState(this.source, t);
    const category = this.category ? kb.category(this.category) : undefined;
    if (this.category && !category) return renderEmpty(format(t.categoryNotFound, { id: this.category }));
    const all = this.articles;
    if (!all.length) return renderEmpty(t.noArticles);

    const size = this.pageSize > 0 ? this.pageSize : all.length;
    const pages = Math.max(1, Math.ceil(all.length / size));
    const page = Math.min(Math.max(1, Math.floor(this.page) || 1), pages);
    const from = (page - 1) * size;
    const shown = all.slice(from, from + size);
    const label = this.label ?? category?.title ?? t.popularArticles;

    return html`<div class="base" part="base">
      ${
        this.sortable || pages > 1
          ? html`<div class="toolbar" part="toolbar">
            <span class="muted range"
              >${isolatedFormat(t.showingRange, {
                from: this.i18n.number(from + 1),
                to: this.i18n.number(from + shown.length),
                total: this.i18n.number(all.length),
              })}</span
            >
            ${this.sortable ? this.#renderSort(t) : nothing}
          </div>`
          : nothing
      }
      <ul class="list" part="list" role="list" aria-label=${label}>
        ${shown.map((a) => this.#renderItem(a, kb, !category || (this.includeSubcategories && a.category !== category.id)))}
      </ul>
      ${pages > 1 ? this.#renderPagination(page, pages, t) : nothing}
    </div>`;
  }

  #renderSort(t: KbStrings): TemplateResult {
    const current = this.effectiveSort;
    return html`<label class="sort">
      <span>${t.sortBy}</span>
      <select @change=${this.#onSortChange}>
        ${ARTICLE_SORTS.map((s) => html`<option value=${s} ?selected=${s === current}>${t[SORT_LABELS[s]]}</option>`)}
      </select>
    </label>`;
  }

  #renderItem(article: ArticleMeta, kb: KnowledgeBase, showCategory: boolean): TemplateResult {
    const href = articleHref(this.articleUrl, article.id);
    const title = href
      ? html`<a class="link" part="link" href=${href} @click=${(e: MouseEvent) => this.#onOpen(e, article)}>${article.title}</a>`
      : html`<button type="button" class="link" part="link" @click=${(e: MouseEvent) => this.#onOpen(e, article)}>${article.title}</button>`;
    const { t } = this.i18n;
    const date = this.i18n.date(article.updated);
    const categoryTitle = showCategory ? kb.category(article.category)?.title : undefined;
    // The entry is in its article's language; the line of views and date in the interface's.
    return html`<li class="item" part="item" ${language(contentLanguage(kb, article))}>
      ${title}
      ${article.excerpt ? html`<p class="excerpt" part="excerpt">${article.excerpt}</p>` : nothing}
      <p class="meta muted" part="meta" ${language(this.i18n.uiLang)}>
        ${article.views > 0 ? html`<span>${isolatedFormat(t.views, { count: this.i18n.number(article.views) })}</span>` : nothing}
        ${date ? html`<span>${isolatedFormat(t.updated, { date: html`<time datetime=${article.updated!}>${date}</time>` })}</span>` : nothing}
        ${categoryTitle ? html`<span>${inLanguage(categoryTitle, contentLanguage(kb))}</span>` : nothing}
      </p>
    </li>`;
  }

  #renderPagination(page: number, pages: number, t: KbStrings): TemplateResult {
    return html`<nav class="pagination" part="pagination" aria-label=${t.pagination}>
      <button type="button" class="button" ?disabled=${page <= 1} @click=${() => this.#goToPage(page - 1, pages)}>
        <span aria-hidden="true" class="arrow">‹</span> ${t.previousPage}
      </button>
      <ol class="pages" role="list">
        ${pageWindow(page, pages).map((p) =>
          p === 0
            ? html`<li class="gap" aria-hidden="true">…</li>`
            : html`<li>
                <button
                  type="button"
                  class="button page"
                  aria-label=${format(t.pageN, { page: this.i18n.number(p) })}
                  aria-current=${p === page ? 'page' : nothing}
                  @click=${() => this.#goToPage(p, pages)}
                >
                  ${this.i18n.number(p)}
                </button>
              </li>`,
        )}
      </ol>
      <span class="page-status">${isolatedFormat(t.pageOf, { page: this.i18n.number(page), pages: this.i18n.number(pages) })}</span>
      <button type="button" class="button" ?disabled=${page >= pages} @click=${() => this.#goToPage(page + 1, pages)}>
        ${t.nextPage} <span aria-hidden="true" class="arrow">›</span>
      </button>
    </nav>`;
  }
}

/** Page numbers to show: first, last, and two around the current; 0 marks a gap. */
export function pageWindow(page: number, pages: number): number[] {
  const keep = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  if (page <= 3) [2, 3, 4].forEach((p) => p <= pages && keep.add(p));
  if (page >= pages - 2) [pages - 1, pages - 2, pages - 3].forEach((p) => p >= 1 && keep.add(p));
  const sorted = [...keep].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? [0, p] : [p]));
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-article-list': KbArticleList;
  }
}
