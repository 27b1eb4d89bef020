import { KbLauncher } from './kb-launcher';
import { loadWhenNeeded } from './load-when-needed';

/**
 * What every launcher-first entry (kb-elements.js with `data-launcher`, kb-launcher.js, the
 * `kb-elements/launcher` module) does with the help elements: `load` becomes the launcher's way
 * to get them (first open, intent to open, retry), and it also runs as soon as the page uses
 * another `kb-*` element. With `now`, it runs at once instead. A failure is left to the
 * launcher to show; nothing reaches the page's error handlers.
 */
export function deferElements(load: () => Promise<unknown>, { now = false } = {}): void {
  KbLauncher.loadElements = load;
  const start = () => void load().catch(() => {});
  if (now) start();
  else loadWhenNeeded(start);
}
