/**
 * The page-wide state behind the route context: the host's context keys and whether the
 * history methods are wrapped. Kept on `window` under a global symbol, so two copies of
 * kb-elements on one page (the script-tag file and a bundler import) share it. A module of
 * its own so the launcher entries can set keys without the rest of the route context.
 */
/** Window event that makes every subscriber re-read the route (fired by the history wrapper). */
export const ROUTE_CHANGE_EVENT = 'kb-route-change';

export interface RouteState {
  keys: string[];
  /** Set once the history methods are wrapped (route-context.ts). */
  historyWrapped?: boolean;
}

const STATE = Symbol.for('kb-elements.route-context');

export function routeState(): RouteState {
  const holder = window as unknown as Record<symbol, RouteState | undefined>;
  return (holder[STATE] ??= { keys: [] });
}

/**
 * Sets the context keys (or paths) that name what the user is doing, e.g.
 * `settings.archive` or `['domains.dns', '/domains/:id/dns']`. Replaces the previous keys;
 * `null`, `undefined`, `''` or `[]` clear them. Subscribers are notified.
 */
export function setContextKeys(keysOrPaths: string | readonly string[] | null | undefined): void {
  const list = typeof keysOrPaths === 'string' ? [keysOrPaths] : [...(keysOrPaths ?? [])];
  routeState().keys = [...new Set(list.map((k) => String(k).trim()).filter(Boolean))];
  window.dispatchEvent(new Event(ROUTE_CHANGE_EVENT));
}
