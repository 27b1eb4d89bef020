/** Loads a page into an iframe and resolves with its window once it has loaded. */
export async function loadFrame(url: string): Promise<{ frame: HTMLIFrameElement; win: Window & typeof globalThis }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`could not load ${url}`)), { once: true });
  });
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as Window & typeof globalThis };
}

/**
 * Waits until `check` returns a truthy value, or fails after `timeout` ms. The default deadline
 * is generous (a busy machine runs several test runs at once); a passing test never waits it out.
 */
export async function waitFor<T>(check: () => T, message: string, timeout = 10_000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
