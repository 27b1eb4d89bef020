/**
 * A bundle fetched before the code that reads it has loaded: the launcher starts the request on
 * intent to open, `KnowledgeBase.load` takes the response when it comes to fetch the same URL
 * with the same credentials mode. (A `<link rel=preload>` cannot do this: it has no way to leave
 * cookies out, so it would not match a fetch that does.) The requests wait on `window` under a
 * global symbol: `kb-launcher.js` and `kb-elements.js` are separate scripts.
 */
const EARLY = Symbol.for('kb-elements.early-fetch');

/** Responses by `credentials url`; a failed request is `undefined` (the load then tries again). */
const pending = (): Map<string, Promise<Response | undefined>> =>
  ((window as unknown as Record<symbol, Map<string, Promise<Response | undefined>>>)[EARLY] ??= new Map());

/** Starts fetching `url` now, unless it is already on its way. */
export function fetchEarly(url: string, credentials: RequestCredentials): void {
  const requests = pending();
  const key = `${credentials} ${url}`;
  if (!requests.has(key))
    requests.set(
      key,
      fetch(url, { credentials }).catch(() => undefined),
    );
}

/**
 * A `fetch` for `KnowledgeBase.load`: the early response for the same URL and credentials, once,
 * else a new request. The load's signal (its timeout, its abort) still ends the wait.
 */
export function fetchTakingEarly(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const requests = pending();
  const key = `${init.credentials ?? 'omit'} ${String(input)}`;
  const early = requests.get(key);
  if (!early) return fetch(input, init);
  requests.delete(key);
  const signal = init.signal;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    void early.then((response) => resolve(response ?? fetch(input, init)));
  });
}
