export { KbSearch, type KbSearchHotkey } from './kb-search/kb-search';
export { KbCategories } from './kb-categories/kb-categories';
export { KbArticleList } from './kb-article-list/kb-article-list';
export { sortArticles, type ArticleSort } from './shared/sort-articles';
export { KbArticle } from './kb-article/kb-article';
export { KbHelp } from './kb-help/kb-help';
export * from './shared/events';
export { stringsFor, type KbStrings, type KbStringKey } from './shared/strings';
export { registerStrings, registeredLanguages } from './shared/locale-registry';
export { clearSharedLoads } from './shared/kb-source';
export { KbLauncher, KbLauncherOpenEvent, KbLauncherCloseEvent, type KbLauncherPosition } from './kb-launcher/kb-launcher';
export { KbLauncherPanel } from './kb-launcher/kb-launcher-panel';
export { KbTip } from './kb-tip/kb-tip';
export { installGlobalApi, type KbElementsApi } from './kb-launcher/global-api';
export { VERSION } from './kb-launcher/version';
export {
  getRouteContext,
  onRouteContextChange,
  setContextKeys,
  suggestedArticles,
  type RouteContext,
} from './shared/route-context';
