export { KbSearch } from './kb-search/kb-search';
