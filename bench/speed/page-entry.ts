// What the speed benchmark's page loads: our core and, for comparison, MiniSearch.
export { KnowledgeBase } from '../../src/core/index';
export { default as MiniSearch } from 'minisearch';
