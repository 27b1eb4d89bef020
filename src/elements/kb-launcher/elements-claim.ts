/**
 * One definition of the elements per page, however many copies of kb-elements run (the file
 * included twice, the launcher-first script plus the full file, a bundler import): the copy
 * that starts defining them leaves its promise on `window`, and every other copy waits on it.
 */
const CLAIM = Symbol.for('kb-elements.elements');

type Holder = Record<symbol, Promise<unknown> | undefined>;

/** The load another copy of kb-elements already started, if any. */
export function claimedLoad(): Promise<unknown> | undefined {
  return (window as unknown as Holder)[CLAIM];
}

/**
 * Runs `define` unless the elements are defined or being defined; returns the shared promise.
 * A failed `define` (a code chunk that did not download) gives up its claim, so a retry runs it
 * again.
 */
export function defineOnce(define: () => Promise<unknown>): Promise<unknown> {
  const holder = window as unknown as Holder;
  if (customElements.get('kb-search')) return holder[CLAIM] ?? Promise.resolve();
  if (holder[CLAIM]) return holder[CLAIM];
  const claim = define().catch((error: unknown) => {
    if (holder[CLAIM] === claim) holder[CLAIM] = undefined;
    throw error;
  });
  return (holder[CLAIM] = claim);
}
