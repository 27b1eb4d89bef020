/**
 * The knowledge-base bundle: the one module that knows its shape. The build writes it,
 * `KnowledgeBase` reads it. See docs/bundle-format.md.
 */
import type { ArticleMeta, Category, KnowledgeBaseMeta } from './types';
import type { SerializedSearchIndex } from './search/index-format';

export const BUNDLE_FORMAT = 'kb-elements/bundle';
/** Bumped on any change a reader of the previous version could not handle. */
export const BUNDLE_VERSION = 1;

export interface KbBundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  meta: KnowledgeBaseMeta;
  categories: Category[];
  articles: ArticleMeta[];
  /** Article body HTML by article id, when bodies are inline (small knowledge bases). */
  bodies?: Record<string, string>;
  /** Body file URL (relative to the bundle's URL) by article id, when bodies are split. */
  bodyFiles?: Record<string, string>;
  /** The prebuilt search index. */
  search: SerializedSearchIndex;
}
