/** Whether `root` holds a `kb-*` element that is not defined yet (other than the launcher). */
function hasUndefinedKbElement(root: ParentNode): boolean {
  const own = root instanceof Element && !root.matches(':defined') ? [root] : [];
  return [...own, ...root.querySelectorAll(':not(:defined)')].some(
    (el) => el.localName.startsWith('kb-') && el.localName !== 'kb-launcher',
  );
}

/**
 * Calls `load` once, as soon as the page holds a `kb-*` element that is not defined yet
 * (a `<kb-tip>` next to a setting, a `<kb-help>` on a help page): at once, or when the parser or
 * a script adds one later. Lets the launcher defer the help elements without
 * leaving other kb elements on the page undefined.
 */
export function loadWhenNeeded(load: () => unknown): void {
  let observer: MutationObserver | undefined;
  const run = () => {
    observer?.disconnect();
    observer = undefined;
    load();
  };
  if (hasUndefinedKbElement(document)) return run();
  observer = new MutationObserver((records) => {
    // Defined by other means (the launcher opened): nothing left to watch for.
    if (customElements.get('kb-search')) return observer?.disconnect();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && hasUndefinedKbElement(node)) return run();
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
