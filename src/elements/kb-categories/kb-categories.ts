import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Category, KnowledgeBase } from '../../core/index';
import { encodeUriPart } from '../../core/uri-part';
import '../kb-article-list/kb-article-list';
import { renderCategoryIcon } from '../shared/category-icons';
import { contentLanguage, language } from '../shared/bidi';
import { KbNavigateEvent } from '../shared/events';
import { isModifiedClick } from '../shared/open-article';
import { sanitizeHtml } from '../shared/sanitize';
import { renderEmpty, renderSourceState } from '../shared/state-view';
import { format, type KbStrings } from '../shared/strings';
import { styles } from './kb-categories.styles';
import { KbSourceElement } from '../shared/kb-source-element';

/**
 * The categories of the knowledge base: each with its title, description and article count,
 * subcategories nested under their parent (`depth` levels).
 *
 * Picking a category fires the cancelable `kb-navigate` (`view: 'category'`, `id`). Unless a
 * listener cancels it (as `<kb-help>` does, to show the category itself), the element goes
 * there: to `category-url` when set, else it shows the category in place — title,
 * description, intro, subcategories and its articles (an inner `<kb-article-list>`) — with
 * a button back to all categories (which fires `kb-navigate` with `view: 'home'`).
 * Focus follows: to the category's title when it opens, back to the picked category after.
 *
 * @summary Category index with descriptions, counts and nesting; picking one shows its articles.
 *
 * @fires kb-navigate - The user picked a category (`{ view: 'category', id }`) or went back (`{ view: 'home' }`). Cancelable.
 * @fires kb-article-open - From the inner article list: the user picked an article (cancelable).
 *
 * @csspart base - The wrapper.
 * @csspart list - The list of top-level categories.
 * @csspart category - One category entry (card).
 * @csspart link - The category's title link or button.
 * @csspart icon - A category's icon (also `icon-<name>`, e.g. `icon-mail`, to restyle or replace one).
 * @csspart description - A category's description.
 * @csspart count - A category's article count.
 * @csspart back - The button back to all categories.
 * @csspart heading - The title of the category shown in place.
 * @csspart state - Loading / error / empty boxes.
 * @csspart retry - The retry button of the error box.
 *
 * @cssproperty --kb-accent - Accent colour (links).
 * @cssproperty --kb-surface - Background.
 * @cssproperty --kb-text - Text colour.
 * @cssproperty --kb-radius - Corner radius of the cards.
 * @cssproperty --kb-spacing - Base spacing unit.
 * @cssproperty --kb-font - Font family (inherited from the page by default).
 * @cssproperty --kb-categories-min-width - Minimum width of a card before the grid wraps (default 16rem).
 */
@customElement('kb-categories')
export class KbCategories extends KbSourceElement {
  static override styles = [KbSourceElement.styles, styles];

  /** Where focus goes after the next render (a user action): `[]` the heading, else a category path. */
  #focusAfterRender?: string[];
  readonly #introCache = new WeakMap<KnowledgeBase, Map<string, HTMLElement>>();
  readonly #childrenCache = new WeakMap<KnowledgeBase, Map<string | undefined, Category[]>>();

  /** List only the subcategories of this category (default: the top-level categories). */
  @property() parent?: string;

  /** Levels shown: 1 = only the listed categories, 2 = with their subcategories, ... */
  @property({ type: Number }) depth = 2;

  /** The category shown in place with its articles (set by picking one; the host may set it). */
  @property({ reflect: true }) selected?: string;

  /** Turns categories into links: `{id}` is replaced, e.g. `/help/category/{id}`. */
  @property({ attribute: 'category-url' }) categoryUrl?: string;

  /** Level of the heading of the category shown in place (1–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Passed to the inner `<kb-article-list>`: link template for articles. */
  @property({ attribute: 'article-url' }) articleUrl?: string;

  /** Passed to the inner `<kb-article-list>`: articles per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  protected override updated(): void {
    const target = this.#focusAfterRender;
    if (target === undefined) return;
    this.#focusAfterRender = undefined;
    // A category id list: the deepest one that is visible now (a card or a nested link).
    const el = target.length
      ? target
          .map((id) => this.renderRoot.querySelector<HTMLElement>(`[data-category="${CSS.escape(id)}"]`))
          .filter((found) => found)
          .at(-1)
      : this.renderRoot.querySelector<HTMLElement>('[part~="heading"]');
    el?.focus();
  }

  /** Shows all categories again (no event: the host did this). */
  home(): void {
    this.selected = undefined;
  }

  /** The language the knowledge base's category titles and descriptions are written in. */
  get #contentLang(): string | undefined {
    const kb = this.source.knowledgeBase;
    return kb && contentLanguage(kb);
  }

  #categoryHref(id: string): string | undefined {
    return this.categoryUrl ? this.categoryUrl.replaceAll('{id}', encodeUriPart(id)) : undefined;
  }

  #onPick(e: MouseEvent, category: Category): void {
    if (this.categoryUrl && isModifiedClick(e)) return;
    e.preventDefault();
    if (!this.dispatchEvent(new KbNavigateEvent('category', category.id))) return;
    const href = this.#categoryHref(category.id);
    if (href) {
      location.assign(href);
      return;
    }
    this.selected = category.id;
    this.#focusAfterRender = [];
  }

  #onBack(): void {
    if (!this.dispatchEvent(new KbNavigateEvent('home'))) return;
    const from = this.selected;
    const kb = this.source.knowledgeBase;
    this.#focusAfterRender = from && kb ? kb.categoryPath(from).map((c) => c.id) : undefined;
    this.selected = undefined;
  }

  /** The level of the heading of the category shown in place: `heading-level`, within 1–6. */
  get #level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  /** Subcategories of `id` (top level for undefined), in the knowledge base's order. */
  #subcategoriesOf(kb: KnowledgeBase, id: string | undefined): Category[] {
    let byParent = this.#childrenCache.get(kb);
    if (!byParent) {
      // Once per knowledge base: every card and nested list asks for its children.
      byParent = new Map();
      for (const c of kb.categories()) {
        const siblings = byParent.get(c.parent ?? undefined);
        if (siblings) siblings.push(c);
        else byParent.set(c.parent ?? undefined, [c]);
      }
      this.#childrenCache.set(kb, byParent);
    }
    return byParent.get(id) ?? [];
  }

  override render() {
    const { t } = this.i18n;
    const kb = this.source.knowledgeBase;
    if (!kb) return renderSourceState(this.source, t);
    if (this.selected) {
      const current = kb.category(this.selected);
      return current ? this.#renderCategory(kb, current, t) : this.#renderMissing(t, this.selected);
    }
    if (this.parent && !kb.category(this.parent)) return renderEmpty(format(t.categoryNotFound, { id: this.parent }));
    const top = this.#subcategoriesOf(kb, this.parent);
    if (!top.length) return renderEmpty(t.noCategories);
    return html`<nav class="base" part="base" aria-label=${t.categories}>
      <ul class="grid" part="list" role="list">
        ${top.map((c) => this.#renderCard(kb, c))}
      </ul>
    </nav>`;
  }

  #renderLink(category: Category, extraClass = ''): TemplateResult {
    const href = this.#categoryHref(category.id);
    const onClick = (e: MouseEvent) => this.#onPick(e, category);
    return href
      ? html`<a class="link ${extraClass}" part="link" href=${href} data-category=${category.id} @click=${onClick}>${category.title}</a>`
      : html`<button type="button" class="link ${extraClass}" part="link" data-category=${category.id} @click=${onClick}>
          ${category.title}
        </button>`;
  }

  #renderCard(kb: KnowledgeBase, category: Category): TemplateResult {
    // The card is in the knowledge base's language; its counts in the interface's.
    return html`<li class="card" part="category" ${language(this.#contentLang)}>
      <div class="card__head">
        ${renderCategoryIcon(category.icon)} ${this.#renderLink(category, 'card__title')}
        <span class="count muted" part="count" ${language(this.i18n.uiLang)}>${this.i18n.plural('articleCount', category.totalCount)}</span>
      </div>
      ${category.description ? this.#renderDescription(category.description) : nothing}
      ${this.#renderNested(kb, category, 2)}
    </li>`;
  }

  #renderNested(kb: KnowledgeBase, parent: Category, level: number): TemplateResult | typeof nothing {
    if (level > this.depth) return nothing;
    const children = this.#subcategoriesOf(kb, parent.id);
    if (!children.length) return nothing;
    return html`<ul class="nested" role="list" aria-label=${format(this.i18n.t.subcategories, { category: parent.title })}>
      ${children.map(
        (c) => html`<li ${language(this.#contentLang)}>
          ${this.#renderLink(c)} ${this.#renderShortCount(c)}
          ${this.#renderNested(kb, c, level + 1)}
        </li>`,
      )}
    </ul>`;
  }

  /** A bare number beside a subcategory; screen readers hear "5 articles". */
  #renderShortCount(category: Category): TemplateResult {
    return html`<span class="count muted" part="count" ${language(this.i18n.uiLang)}
      ><span aria-hidden="true">${this.i18n.number(category.totalCount)}</span
      ><span class="visually-hidden">${this.i18n.plural('articleCount', category.totalCount)}</span></span
    >`;
  }

  #renderCategory(kb: KnowledgeBase, category: Category, t: KbStrings): TemplateResult {
    const children = this.#subcategoriesOf(kb, category.id);
    return html`<section class="base current" part="base" aria-labelledby="kb-current-title">
      <button type="button" class="back button" part="back" @click=${this.#onBack}>
        <span class="arrow" aria-hidden="true">←</span> ${t.allCategories}
      </button>
      <div class="heading" part="heading" id="kb-current-title" role="heading" aria-level=${this.#level} tabindex="-1" ${language(this.#contentLang)}>${category.title}</div>
      ${category.description ? this.#renderDescription(category.description) : nothing}
      ${category.introHtml ? this.#intro(kb, category) : nothing}
      ${
        children.length
          ? html`<ul class="nested subcategories" role="list" aria-label=${format(t.subcategories, { category: category.title })}>
            ${children.map((c) => html`<li ${language(this.#contentLang)}>${this.#renderLink(c)} ${this.#renderShortCount(c)}</li>`)}
          </ul>`
          : nothing
      }
      ${
        category.articleCount || !children.length
          ? html`<kb-article-list
            .knowledgeBase=${kb}
            .strings=${this.strings}
            category=${category.id}
            page-size=${this.pageSize}
            article-url=${this.articleUrl ?? nothing}
          ></kb-article-list>`
          : nothing
      }
    </section>`;
  }

  #renderDescription(text: string): TemplateResult {
    return html`<p class="description" part="description" ${language(this.#contentLang)}>${text}</p>`;
  }

  #renderMissing(t: KbStrings, id: string): TemplateResult {
    return renderEmpty(
      format(t.categoryNotFound, { id }),
      html`<button type="button" class="back button" part="back" @click=${this.#onBack}>${t.allCategories}</button>`,
    );
  }

  /** The category's intro: sanitized once per category, and the same node on every render. */
  #intro(kb: KnowledgeBase, category: Category): HTMLElement {
    let cache = this.#introCache.get(kb);
    if (!cache) this.#introCache.set(kb, (cache = new Map()));
    let box = cache.get(category.id);
    if (!box) {
      box = document.createElement('div');
      box.className = 'intro';
      box.append(sanitizeHtml(category.introHtml ?? '', { baseUrl: this.source.baseUrl }));
      cache.set(category.id, box);
    }
    return box;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-categories': KbCategories;
  }
}
