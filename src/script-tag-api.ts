/**
 * What `kbElementsBundle.load()` gives a script-tag page: every element and its API, and the
 * knowledge base to query it yourself. Building bundles (`assembleBundle`, `buildSearchIndex`)
 * is for Node and bundlers: `kb-elements/core`.
 */
import { startRequestedAnalytics } from './elements/shared/analytics/analytics-sink';

export * from './elements/index';
export { KnowledgeBase, type KnowledgeBaseOptions, type LoadOptions } from './core/knowledge-base';
export { KbError, type KbErrorKind } from './core/errors';
export { validateBundle, validateBundleAsync, BUNDLE_FORMAT, BUNDLE_VERSION, type KbBundle } from './core/bundle-format';
export type * from './core/types';
export { enableAnalytics, disableAnalytics, type AnalyticsOptions } from './elements/shared/analytics/analytics-sink';

// The sink the script tag asked for (`data-kb-analytics`, here or on kb-launcher.js) starts with the elements.
startRequestedAnalytics();
