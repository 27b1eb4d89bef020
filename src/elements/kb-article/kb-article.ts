import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Article, ArticleMeta, KnowledgeBase } from '../../core/index';
import { decodeUriPart } from '../../core/uri-part';
import { contentLanguage, inLanguage, isolatedFormat, language } from '../shared/bidi';
import { KbArticleOpenEvent, KbArticleViewEvent, KbFeedbackEvent, KbNavigateEvent } from '../shared/events';
import { toHash } from '../../core/hash-route';
import { LiveRegion } from '../shared/live-region';
import { warnUnknownArticle } from '../shared/unknown-article';
import { isModifiedClick } from '../shared/open-article';
import { ARTICLE_LINK_ATTR, SECTION_LINK_ATTR, sanitizeHtml } from '../shared/sanitize';
import { readSession, writeSession } from '../shared/session';
import { renderEmpty, renderError, renderLoading, renderSourceState } from '../shared/state-view';
import type { KbStrings } from '../shared/strings';
import { resolveArticleLink } from './article-links';
import { copyText } from './copy-text';
import { SectionSpy } from './section-spy';
import { codeOf, enhanceBody, updateScrollables } from './enhance-body';
import { styles } from './kb-article.styles';
import { KbSourceElement } from '../shared/kb-source-element';

/** What the element shows for `article-id`, once the knowledge base is in. */
type ArticleState = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';
type FeedbackState = 'ask' | 'reason' | 'done';

/** sessionStorage key remembering that the user answered for an article (asked once per session). */
const answeredKey = (articleId: string) => `kb-feedback:${articleId}`;

/**
 * One article of the knowledge base: breadcrumb, title, date, table of contents, the body
 * (sanitized by the one DOMPurify configuration), "Was this article helpful?" and related
 * articles.
 *
 * Links to other articles open inside the element (after a cancelable `kb-article-open`);
 * links to other sites open in a new tab with `rel="noopener noreferrer"`. Code blocks have
 * a copy button; wide tables scroll inside the article; images load lazily. The helpfulness
 * question is asked once per article and browser session (sessionStorage).
 *
 * @summary Shows one help article, safely, with navigation, copy buttons and feedback.
 *
 * @csspart breadcrumb - The category path above the title.
 * @csspart title - The article title (`h1`).
 * @csspart meta - The "Updated …" line.
 * @csspart toc - The table of contents ("On this page").
 * @csspart body - The article body.
 * @csspart feedback - The "Was this article helpful?" box.
 * @csspart related - The related articles.
 * @csspart state - The loading, error and not-found boxes.
 * @csspart retry - The "Try again" button of the error box.
 *
 * @cssproperty --kb-accent - Links, buttons and focus ring.
 * @cssproperty --kb-surface - Background.
 * @cssproperty --kb-text - Text colour.
 * @cssproperty --kb-text-muted - Secondary text (date, breadcrumb).
 * @cssproperty --kb-border-color - Lines around code, tables and boxes.
 * @cssproperty --kb-radius - Corner radius.
 * @cssproperty --kb-spacing - Base spacing unit.
 * @cssproperty --kb-font - Font family (inherits the page's by default).
 * @cssproperty --kb-code-font - Font family of code.
 * @cssproperty --kb-code-background - Background of code blocks.
 * @cssproperty --kb-warning-color - Edge of warning and caution alerts.
 * @cssproperty --kb-scroll-margin-top - Room above a heading scrolled to, and above the sticky table of contents: the height of the page's own sticky header (default 1rem).
 *
 * @fires kb-article-open - The user follows a link to another article (cancelable: the host takes over).
 * @fires kb-article-view - An article was shown because of the user (a link, a related article), not because the host set `article-id`.
 * @fires kb-feedback - The user answered "Was this article helpful?" (`helpful`, and `reason` after "No").
 * @fires kb-navigate - The user picked a breadcrumb (`view: 'home' | 'category'`), or "Help home" on a missing article.
 */
@customElement('kb-article')
export class KbArticle extends KbSourceElement {
  static override styles = [KbSourceElement.styles, styles];

  readonly #live = new LiveRegion(this);
  /**
   * The article of `article-id`, loaded when the knowledge base or the id changes (a late answer
   * for an id left meanwhile is ignored); `undefined` when the knowledge base lacks its body.
   */
  readonly #article = new Task(this, {
    args: () => [this.source.knowledgeBase, this.articleId] as const,
    task: ([kb, id]) => this.#load(kb, id),
  });
  #body?: DocumentFragment;
  #bodyKey?: unknown[];
  /** Set by a user action inside the element: move focus and fire `kb-article-view` once shown. */
  #userOpened = false;
  /** Articles the user came from by following links here, for "Back" on a missing article. */
  #trail: { articleId: string; sectionId: string }[] = [];
  #scrollPending = false;
  readonly #resizeObserver = new ResizeObserver(() => this.bodyEl && updateScrollables(this.bodyEl));
  readonly #spy = new SectionSpy((id) => (this.activeSection = id));
  /** The body whose headings the spy follows. */
  #spiedBody?: DocumentFragment;

  // Our own parts by `part` or a `kb-` class, and our ids with a `kb-` prefix: article HTML, in
  // the same shadow root, can carry neither (the sanitizer drops them), so it cannot take them over.
  @query('[part~="body"]') private bodyEl?: HTMLElement;
  @query('[part~="title"]') private titleEl?: HTMLElement;
  @query('[part~="feedback"] textarea') private reasonEl?: HTMLTextAreaElement;
  @query('.kb-thanks') private thanksEl?: HTMLElement;

  /** Id of the article to show. */
  @property({ attribute: 'article-id' }) articleId = '';

  /** Id of a heading to scroll to once the article is shown (a section hit). */
  @property({ attribute: 'section-id' }) sectionId = '';

  /** Show the table of contents from this many headings on. */
  @property({ type: Number, attribute: 'toc-min-headings' }) tocMinHeadings = 3;

  /** Leave out "Was this article helpful?". */
  @property({ type: Boolean, attribute: 'hide-feedback' }) hideFeedback = false;

  /** Leave out the related articles. */
  @property({ type: Boolean, attribute: 'hide-related' }) hideRelated = false;

  /** @internal Set by `<kb-help>` for a user navigation: focus moves into the article once it is shown. */
  focusOnShow = false;

  @state() private feedback: FeedbackState = 'ask';
  /** The section the reader is in, marked in the table of contents. */
  @state() private activeSection = '';

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.#spiedBody = undefined;
      this.requestUpdate();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#flushFeedback();
    this.#resizeObserver.disconnect();
    this.#spy.stop();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('sectionId') && this.sectionId) this.#scrollPending = true;
  }

  override updated() {
    const state = this.#state;
    if (state === 'not-found' || state === 'error') this.#userOpened = false;
    const body = this.bodyEl;
    if (!body || state !== 'ready') return;
    this.#resizeObserver.disconnect();
    this.#resizeObserver.observe(body);
    updateScrollables(body);
    if (this.#spiedBody !== this.#body) {
      this.#spiedBody = this.#body;
      const toc = [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('[part~="toc"] a')].map((a) => a.hash.slice(1));
      const headings = this.#headingsById();
      this.#spy.watch(toc.map((id) => headings.get(decodeUriPart(id))).filter((h): h is HTMLElement => !!h));
    }
    if (this.#scrollPending) {
      this.#scrollPending = false;
      const focus = this.#userOpened || this.focusOnShow;
      this.focusOnShow = false;
      const target = this.sectionId ? this.#findHeading(this.sectionId) : undefined;
      if (target) this.#reveal(target, focus);
      else if (focus) this.#reveal(this.titleEl!, true);
    }
    if (this.#userOpened) {
      this.#userOpened = false;
      this.dispatchEvent(new KbArticleViewEvent(this.#article.value!.id));
    }
  }

  /**
   * The task of {@link #article}, run when the knowledge base or the id changes (and on "Try
   * again"): the view starts over (feedback asked anew, scrolled to the top or `section-id`),
   * then the body loads. Ids the knowledge base lacks are not loaded (render says "not found").
   */
  #load(kb: KnowledgeBase | undefined, id: string): Promise<Article | undefined> | typeof initialState {
    this.#flushFeedback();
    this.feedback = id && readSession(answeredKey(id)) ? 'done' : 'ask';
    this.#scrollPending = true;
    if (!kb || !id) return initialState;
    if (!kb.articleMeta(id)) {
      warnUnknownArticle(kb, id, '<kb-article article-id>');
      return initialState;
    }
    return kb.article(id);
  }

  /** What is shown for `article-id`, from the knowledge base and the state of {@link #article}. */
  get #state(): ArticleState {
    const kb = this.source.knowledgeBase;
    if (!kb || !this.articleId) return 'idle';
    if (!kb.articleMeta(this.articleId)) return 'not-found';
    switch (this.#article.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return 'error';
      case TaskStatus.COMPLETE:
        return this.#article.value ? 'ready' : 'not-found';
      default:
        return 'idle';
    }
  }

  /** The sanitized, enhanced body, made again only when the article or the language changes. */
  #bodyFor(article: Article, kb: KnowledgeBase): DocumentFragment {
    const key = [article, kb, this.i18n.t];
    if (!this.#body || this.#bodyKey?.some((part, i) => part !== key[i])) {
      const base = this.source.baseUrl;
      const fragment = sanitizeHtml(article.html, {
        baseUrl: base,
        articleLink: (href, authored) => resolveArticleLink(kb, href, authored, base),
      });
      this.#body = enhanceBody(fragment, this.i18n.t);
      this.#bodyKey = key;
    }
    return this.#body;
  }

  #findHeading(id: string): HTMLElement | undefined {
    return this.#headingsById().get(id);
  }

  /** The body's elements with an id, first of each id (one pass, however many headings). */
  #headingsById(): Map<string, HTMLElement> {
    const byId = new Map<string, HTMLElement>();
    for (const el of this.bodyEl?.querySelectorAll<HTMLElement>('[id]') ?? []) if (!byId.has(el.id)) byId.set(el.id, el);
    return byId;
  }

  #reveal(target: HTMLElement, focus: boolean) {
    target.scrollIntoView({ block: 'start' });
    if (!focus) return;
    // Any in-article target (a footnote, a tab) takes focus, so keyboard and screen-reader users land there too.
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }

  /** Opens another article (or a section of this one) because the user asked for it. */
  #openFromUser(articleId: string, sectionId?: string) {
    if (!this.dispatchEvent(new KbArticleOpenEvent(articleId, sectionId))) return;
    if (articleId === this.articleId) {
      this.sectionId = sectionId ?? '';
      const target = sectionId ? this.#findHeading(sectionId) : this.titleEl;
      if (target) this.#reveal(target, true);
      return;
    }
    this.#trail.push({ articleId: this.articleId, sectionId: this.sectionId });
    this.#userOpened = true;
    this.articleId = articleId;
    this.sectionId = sectionId ?? '';
  }

  #goBack = () => {
    const previous = this.#trail.pop();
    if (!previous) return;
    this.#userOpened = true;
    this.articleId = previous.articleId;
    this.sectionId = previous.sectionId;
  };

  #navigate(event: Event, view: 'home' | 'category', id?: string) {
    event.preventDefault();
    this.dispatchEvent(new KbNavigateEvent(view, id));
  }

  #onBodyClick = (event: MouseEvent) => {
    const target = event.target as Element;
    const copy = target.closest('.kb-copy');
    if (copy) {
      void this.#copy(copy as HTMLButtonElement);
      return;
    }
    const link = target.closest('a');
    if (!link || event.defaultPrevented || isModifiedClick(event)) return;
    const articleId = link.getAttribute(ARTICLE_LINK_ATTR);
    if (articleId) {
      event.preventDefault();
      this.#openFromUser(articleId, link.getAttribute(SECTION_LINK_ATTR) ?? undefined);
      return;
    }
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      // In-article anchors: ids live in the shadow root, where the browser's own jump cannot see them.
      event.preventDefault();
      const heading = this.#findHeading(decodeUriPart(href.slice(1)));
      if (heading) this.#reveal(heading, true);
    }
  };

  async #copy(button: HTMLButtonElement) {
    const t = this.i18n.t;
    const copied = await copyText(codeOf(button), this.renderRoot);
    if (!copied) return;
    button.textContent = t.copied;
    this.#live.announce(t.copied);
    setTimeout(() => (button.textContent = this.i18n.t.copyCode), 2000);
  }

  #onTocClick(event: MouseEvent, id: string) {
    event.preventDefault();
    const heading = this.#findHeading(id);
    if (heading) this.#reveal(heading, true);
  }

  #vote(helpful: boolean) {
    if (helpful) {
      this.#answered(true);
      return;
    }
    this.feedback = 'reason';
    void this.updateComplete.then(() => this.reasonEl?.focus());
  }

  #sendReason(event: Event) {
    event.preventDefault();
    this.#answered(false, this.reasonEl?.value.trim() || undefined);
  }

  #answered(helpful: boolean, reason?: string) {
    const id = this.#article.value!.id;
    this.feedback = 'done';
    writeSession(answeredKey(id), helpful ? 'yes' : 'no');
    this.dispatchEvent(new KbFeedbackEvent(id, helpful, reason));
    // The button (or form) that had focus is gone: focus the thanks in its place, and say it.
    void this.updateComplete.then(() => this.thanksEl?.focus());
    this.#live.announce(this.i18n.t.feedbackThanks);
  }

  /** A "No" whose reason form is left unsent still counts, once, without a reason. */
  #flushFeedback() {
    if (this.feedback === 'reason' && this.#article.value) this.#answered(false);
  }

  override render() {
    return html`${this.#renderView()}${this.#live.render()}`;
  }

  #renderView() {
    const kb = this.source.knowledgeBase;
    const t = this.i18n.t;
    if (!kb) return renderSourceState(this.source, t);
    switch (this.#state) {
      case 'idle':
        return nothing;
      case 'loading':
        return renderLoading(t);
      case 'error':
        return renderError(t, this.#article.error, () => void this.#article.run(), t.articleErrorTitle);
      case 'not-found':
        return renderEmpty(
          t.articleNotFound,
          html`<div class="actions">
            ${this.#trail.length ? html`<button type="button" class="button" @click=${this.#goBack}>${t.back}</button>` : nothing}
            <a class="button" href=${toHash({ view: 'home' })} @click=${(e: Event) => this.#navigate(e, 'home')}>${t.home}</a>
          </div>`,
        );
    }
    const article = this.#article.value!;
    // The content's language and direction (pronunciation, hyphenation, layout), apart from the interface's.
    const lang = contentLanguage(kb, article);
    return html`
      <article aria-labelledby="kb-title">
        ${this.#renderBreadcrumb(kb, article)}
        <h1 id="kb-title" part="title" tabindex="-1" ${language(lang)}>${article.title}</h1>
        ${this.#renderUpdated(article.updated)}
        ${this.#renderToc(kb, article)}
        <div class="body" part="body" ${language(lang)} @click=${this.#onBodyClick /* eslint-disable-line lit-a11y/click-events-have-key-events -- delegated: the clicks of the links inside, which a key press clicks too */}>${this.#bodyFor(article, kb)}</div>
        ${this.hideFeedback ? nothing : this.#renderFeedback(t)}
        ${this.hideRelated ? nothing : this.#renderRelated(kb, article, t)}
      </article>
    `;
  }

  #renderUpdated(iso: string | undefined): TemplateResult | typeof nothing {
    const date = this.i18n.date(iso);
    if (!date) return nothing;
    return html`<p class="meta" part="meta">${isolatedFormat(this.i18n.t.updated, { date: html`<time datetime=${iso!}>${date}</time>` })}</p>`;
  }

  #renderBreadcrumb(kb: KnowledgeBase, article: ArticleMeta): TemplateResult {
    const t = this.i18n.t;
    const path = kb.categoryPath(article.category);
    return html`<nav class="breadcrumb" part="breadcrumb" aria-label=${t.breadcrumb}>
      <ol>
        <li><a href=${toHash({ view: 'home' })} @click=${(e: Event) => this.#navigate(e, 'home')}>${t.home}</a></li>
        ${path.map(
          (category) =>
            html`<li>
              <a href=${toHash({ view: 'category', id: category.id })} @click=${(e: Event) => this.#navigate(e, 'category', category.id)}
                >${inLanguage(category.title, contentLanguage(kb))}</a
              >
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  #renderToc(kb: KnowledgeBase, article: Article): TemplateResult | typeof nothing {
    const headings = article.headings.filter((h) => h.level === 2 || h.level === 3);
    if (headings.length < this.tocMinHeadings || headings.length === 0) return nothing;
    return html`<nav class="toc" part="toc" aria-labelledby="kb-toc-title">
      <h2 id="kb-toc-title">${this.i18n.t.tableOfContents}</h2>
      <ol>
        ${headings.map(
          (h) =>
            html`<li class=${`level-${h.level}`} ${language(contentLanguage(kb, article))}>
              <a
                href=${`#${h.id}`}
                aria-current=${h.id === this.activeSection ? 'location' : nothing}
                @click=${(e: MouseEvent) => this.#onTocClick(e, h.id)}
                >${h.text}</a
              >
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  #renderFeedback(t: KbStrings): TemplateResult {
    if (this.feedback === 'done') {
      return html`<section class="feedback" part="feedback"><p class="kb-thanks" tabindex="-1">${t.feedbackThanks}</p></section>`;
    }
    if (this.feedback === 'reason') {
      return html`<section class="feedback" part="feedback">
        <form @submit=${this.#sendReason}>
          <label for="kb-reason">${t.feedbackReasonLabel}</label>
          <textarea id="kb-reason" rows="3" maxlength="2000"></textarea>
          <button type="submit" class="button button--primary">${t.feedbackSend}</button>
        </form>
      </section>`;
    }
    return html`<section class="feedback" part="feedback" aria-labelledby="kb-feedback-q">
      <p id="kb-feedback-q">${t.helpfulQuestion}</p>
      <div class="votes">
        <button type="button" class="button" @click=${() => this.#vote(true)}>${t.helpfulYes}</button>
        <button type="button" class="button" @click=${() => this.#vote(false)}>${t.helpfulNo}</button>
      </div>
    </section>`;
  }

  #renderRelated(kb: KnowledgeBase, article: Article, t: KbStrings): TemplateResult | typeof nothing {
    const related = kb.related(article.id, 5);
    if (!related.length) return nothing;
    return html`<nav class="related" part="related" aria-labelledby="kb-related-title">
      <h2 id="kb-related-title">${t.relatedArticles}</h2>
      <ul>
        ${related.map(
          (a) =>
            html`<li ${language(contentLanguage(kb, a))}>
              <a
                href=${toHash({ view: 'article', id: a.id })}
                @click=${(e: MouseEvent) => {
                  if (isModifiedClick(e)) return;
                  e.preventDefault();
                  this.#openFromUser(a.id);
                }}
                >${a.title}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-article': KbArticle;
  }
}
