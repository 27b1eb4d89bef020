export * from './types';
export * from './bundle-format';
export { KbError, type KbErrorKind } from './errors';
export { KnowledgeBase, type KnowledgeBaseOptions, type LoadOptions } from './knowledge-base';
export { buildSearchIndex } from './search/build-index';
export { SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type SerializedSearchIndex } from './search/index-format';
export { escapeHtml } from './search/highlight';
export { SYNONYM_LIMITS } from './search/synonyms';
