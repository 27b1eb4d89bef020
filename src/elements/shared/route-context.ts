/**
 * Route context: what "this page" of the host app is, for "Suggested for this page".
 *
 * The context is the page's path (`location.pathname`, plus the path of a hash route such as
 * `#/settings/archive`) and the keys the host set with {@link setContextKeys} (which
 * `window.kbElements.suggest()` calls). It follows SPA navigation with no call from the host:
 * `history.pushState` / `replaceState` (wrapped once per page), `popstate`, `hashchange` and,
 * where the browser has it, the Navigation API (which also sees a router that kept the
 * original `pushState` from before the wrapping).
 * A host with another router can announce a change with
 * `window.dispatchEvent(new Event('kb-route-change'))`.
 *
 * Use it from an element (this is what `<kb-help>` and the launcher panel do):
 *
 * ```ts
 * import { RouteContextController } from '../shared/route-context';
 *
 * class KbHelp extends KbSourceElement {
 *   readonly #route = new RouteContextController(this); // re-renders the host on route changes
 *   render() {
 *     const suggested = this.route.suggestions(kb, 5);  // ArticleMeta[], [] when nothing matches
 *     ...
 *   }
 * }
 * ```
 *
 * or without Lit: `onRouteContextChange(listener)` and `suggestedArticles(kb)`.
 *
 * The keys and the history wrapping live in `./route-state`, on `window` under a global symbol,
 * so two copies on one page (the script-tag file and a bundler import) share one state.
 * Type-only imports: the module adds no runtime dependency (the launcher loader uses it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ArticleMeta } from '../../core/types';
import { ROUTE_CHANGE_EVENT, routeState } from './route-state';

export { ROUTE_CHANGE_EVENT, setContextKeys } from './route-state';

/** What "this page" is. */
export interface RouteContext {
  /** `location.pathname` without a trailing slash (`/domains/42/dns`); `/` at the root. */
  path: string;
  /** The path of a hash route (`#/settings/archive` or `#!/settings/archive`), else `''`. */
  hashPath: string;
  /** Context keys or paths set with {@link setContextKeys}, in the order given. */
  keys: string[];
}

/** Anything that can look articles up by context: a `KnowledgeBase`. */
export interface ContextLookup {
  forContext(keyOrPath: string | string[]): ArticleMeta[];
}

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path) || '/';

/** The route context of the page now. */
export function getRouteContext(): RouteContext {
  const hash = /^#!?(\/[^?#]*)/.exec(location.hash);
  return {
    path: trimSlash(location.pathname),
    hashPath: hash ? trimSlash(hash[1]!) : '',
    keys: [...routeState().keys],
  };
}

/**
 * The look-ups to pass to `KnowledgeBase.forContext`, most specific first: the host's keys,
 * then the hash-route path, then the page path.
 */
export function routeContextQueries(context: RouteContext = getRouteContext()): string[] {
  const queries = [...context.keys];
  if (context.hashPath) queries.push(context.hashPath);
  queries.push(context.path);
  return [...new Set(queries)];
}

/** Wraps `history.pushState` / `replaceState` once per page so they announce route changes. */
function wrapHistory(): void {
  const state = routeState();
  if (state.historyWrapped) return;
  state.historyWrapped = true;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      window.dispatchEvent(new Event(ROUTE_CHANGE_EVENT));
      return result;
    };
  }
}

const sameContext = (a: RouteContext, b: RouteContext) =>
  a.path === b.path && a.hashPath === b.hashPath && a.keys.join('\n') === b.keys.join('\n');

/**
 * Calls `listener` with the new context whenever the route or the keys change (at most once
 * per task, and only when something changed). Returns the function that unsubscribes.
 */
export function onRouteContextChange(listener: (context: RouteContext) => void): () => void {
  wrapHistory();
  let last = getRouteContext();
  let queued = false;
  const check = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const next = getRouteContext();
      if (sameContext(last, next)) return;
      last = next;
      listener(next);
    });
  };
  const events = [ROUTE_CHANGE_EVENT, 'popstate', 'hashchange'];
  for (const type of events) window.addEventListener(type, check);
  // The Navigation API also sees routers that kept the original pushState before we wrapped it.
  const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check);
  return () => {
    for (const type of events) window.removeEventListener(type, check);
    navigation?.removeEventListener('currententrychange', check);
  };
}

/**
 * The articles suggested for a context, most specific look-up first, without duplicates.
 * Never throws: a failing look-up counts as no match.
 */
export function suggestedArticles(kb: ContextLookup, context: RouteContext = getRouteContext(), limit = 5): ArticleMeta[] {
  const seen = new Set<string>();
  const result: ArticleMeta[] = [];
  for (const query of routeContextQueries(context)) {
    let matches: ArticleMeta[];
    try {
      matches = kb.forContext(query);
    } catch {
      matches = [];
    }
    for (const article of matches) {
      if (seen.has(article.id)) continue;
      seen.add(article.id);
      result.push(article);
      if (result.length >= limit) return result;
    }
  }
  return result;
}

/**
 * A Lit ReactiveController that keeps `context` current and re-renders its host when the
 * route or the keys change (subscribed while the host is connected).
 */
export class RouteContextController implements ReactiveController {
  /** The route context now. */
  context: RouteContext = getRouteContext();
  readonly #host: ReactiveControllerHost;
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.context = getRouteContext();
    this.#unsubscribe = onRouteContextChange((context) => {
      this.context = context;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The articles suggested for the current context (see {@link suggestedArticles}). */
  suggestions(kb: ContextLookup, limit = 5): ArticleMeta[] {
    return suggestedArticles(kb, this.context, limit);
  }
}
