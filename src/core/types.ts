/**
 * Public data types of a knowledge base, shared by the bundle format, the search engine,
 * the build and the elements. DOM-free.
 */

/** A heading inside an article, with the stable id the build gave it. */
export interface ArticleHeading {
  /** Slug, unique within the article; the anchor `#id` in the article HTML. */
  id: string;
  /** Plain text of the heading. */
  text: string;
  /** 2 for `##`, 3 for `###`, ... */
  level: number;
}

/** Metadata of one article: everything the lists and search hits show, without the body. */
export interface ArticleMeta {
  id: string;
  title: string;
  /** Id of the category the article belongs to. */
  category: string;
  /** Plain text, shown under the title in lists. */
  excerpt: string;
  tags: string[];
  /** Popularity count, shown ("Views: 4,692") and used as a mild ranking signal. */
  views: number;
  /** ISO date (YYYY-MM-DD) of the last update, if known. */
  updated?: string;
  /** Author's order inside the category (lower first); articles without it sort after. */
  order?: number;
  headings: ArticleHeading[];
  /** Ids of related articles, from front matter. */
  related: string[];
  /** Keys (`settings.archive`) or URL path patterns (`/domains/:id/dns`, `/settings/*`). */
  context: string[];
  /** BCP 47 language tag, when the article differs from the knowledge base's locale. */
  lang?: string;
}

/** A category (folder) of the knowledge base. Categories nest through `parent`. */
export interface Category {
  id: string;
  title: string;
  description?: string;
  /** Sanitizable HTML intro shown above the category's articles (from `_category.md`). */
  introHtml?: string;
  icon?: string;
  order?: number;
  /** Id of the parent category, absent for top-level categories. */
  parent?: string;
  /** Articles directly in this category. */
  articleCount: number;
  /** Articles in this category and all its descendants. */
  totalCount: number;
}

/** Knowledge-base level metadata. */
export interface KnowledgeBaseMeta {
  title: string;
  /** BCP 47 locale of the content, e.g. `en`. */
  locale: string;
  /** Base URL that relative asset and body URLs resolve against, if set by the author. */
  baseUrl?: string;
  articleCount: number;
  categoryCount: number;
  /** A hash of the bundle's content, set by the build: it changes whenever the content does. */
  contentVersion?: string;
}

/** An article with its body HTML. The HTML is *not* sanitized: the elements sanitize it. */
export interface Article extends ArticleMeta {
  html: string;
}

/** One ranked search result: one per article, pointing at the best-matching section. */
export interface SearchHit {
  article: ArticleMeta;
  /** The best-matching section, when it is not the article's top. */
  section?: { id: string; heading: string };
  score: number;
  /** Plain text around the matched words. */
  snippet: string;
  /** The title, HTML-escaped, with matched terms wrapped in `<mark>`. Safe to render as HTML. */
  titleHtml: string;
  /** The snippet, HTML-escaped, with matched terms wrapped in `<mark>`. Safe to render as HTML. */
  snippetHtml: string;
  /** The index terms that matched, for highlighting elsewhere. */
  terms: string[];
}

export interface SearchOptions {
  /** Maximum number of hits (default 10). */
  limit?: number;
  /** Restrict to a category and its descendants. */
  category?: string;
  /** Restrict to articles in this language. */
  lang?: string;
}

/**
 * A section of an article as the build hands it to the indexer: the text under one h2/h3
 * (or the article's top, before the first heading, with `id: ''`).
 */
export interface IndexableSection {
  /** Heading id, or `''` for the text before the first heading. */
  id: string;
  /** Heading text, `''` for the top section. */
  heading: string;
  /** Heading level (2, 3); 1 for the top section. */
  level: number;
  /** Texts of the enclosing headings, outermost first (not including the article title). */
  parents: string[];
  /** Plain text of the section (no markup). */
  text: string;
}

/** What the indexer takes for one article. */
export interface IndexableArticle extends ArticleMeta {
  sections: IndexableSection[];
  /** Where the article sits: its category path (titles from the root down), folder and file name words. Indexed, not shipped. */
  place?: string;
  /** What other articles call it: the texts of their links to it. Indexed, not shipped. */
  linkText?: string[];
}
