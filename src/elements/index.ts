export { KbSearch } from './kb-search/kb-search';
export * from './shared/events';
export { builtInStrings, type KbStrings, type KbStringKey } from './shared/strings';
export { clearSharedLoads } from './shared/kb-source';
