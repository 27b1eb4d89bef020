import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the host page from scrolling behind a modal (the launcher's panel): `showModal()` makes
 * the page inert, but the mouse wheel and touch still scroll it under the backdrop. While
 * locked, the document's scrolling element has `overflow: hidden`, and the room of the
 * scrollbar that goes away is kept (`scrollbar-gutter: stable`, else as padding), so nothing on
 * the page moves. Written through the CSSOM (`style.setProperty`), which a strict `style-src`
 * does not govern: no CSP report. On release the page's own inline values and priorities come
 * back exactly, and a `style` attribute the page did not have goes again.
 *
 * Locks nest, across copies of kb-elements on one page: the page scrolls again when the last one
 * is released.
 */

/** One inline property of the page as it was, to put back. */
interface SavedProperty {
  target: HTMLElement;
  property: string;
  value: string;
  priority: string;
  hadStyle: boolean;
}

interface PageLocks {
  count: number;
  saved?: SavedProperty[];
}

const LOCKS = Symbol.for('kb-elements.scroll-locks');

function pageLocks(): PageLocks {
  const holder = window as unknown as { [LOCKS]?: PageLocks };
  return (holder[LOCKS] ??= { count: 0 });
}

function lockPage(): SavedProperty[] {
  const root = document.documentElement;
  const scroller = (document.scrollingElement ?? root) as HTMLElement;
  const scrollbar = window.innerWidth - root.clientWidth;
  // Longhands: the page's own `overflow-y: scroll` alone comes back as it was.
  const changes: [HTMLElement, string, string][] = [
    [scroller, 'overflow-x', 'hidden'],
    [scroller, 'overflow-y', 'hidden'],
  ];
  if (scrollbar > 0) {
    // The root's gutter is the viewport's; kept only where the page has not chosen one itself.
    if (scroller === root && CSS.supports('scrollbar-gutter', 'stable')) {
      if (getComputedStyle(root).scrollbarGutter === 'auto') changes.push([root, 'scrollbar-gutter', 'stable']);
    } else {
      changes.push([scroller, 'padding-right', `${parseFloat(getComputedStyle(scroller).paddingRight) + scrollbar}px`]);
    }
  }
  const saved = changes.map(([target, property]): SavedProperty => ({
    target,
    property,
    value: target.style.getPropertyValue(property),
    priority: target.style.getPropertyPriority(property),
    hadStyle: target.hasAttribute('style'),
  }));
  for (const [target, property, value] of changes) target.style.setProperty(property, value, 'important');
  return saved;
}

function restorePage(saved: SavedProperty[]): void {
  for (const { target, property, value, priority } of saved) {
    if (value) target.style.setProperty(property, value, priority);
    else target.style.removeProperty(property);
  }
  for (const { target, hadStyle } of saved) {
    if (hadStyle || target.style.length > 0) continue;
    // Chromium writes CSSOM changes into the attribute when it is next read: let it, then remove it.
    target.getAttribute('style');
    target.removeAttribute('style');
  }
}

/** Locks the page's scrolling; returns the function that releases this lock (once). */
export function lockPageScroll(): () => void {
  const locks = pageLocks();
  if (locks.count++ === 0) locks.saved = lockPage();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--locks.count > 0 || !locks.saved) return;
    restorePage(locks.saved);
    locks.saved = undefined;
  };
}

/** A page scroll lock held by an element while it shows something modal; released when it leaves the page. */
export class PageScrollLock implements ReactiveController {
  #release?: () => void;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  lock(): void {
    this.#release ??= lockPageScroll();
  }

  release(): void {
    this.#release?.();
    this.#release = undefined;
  }

  hostDisconnected(): void {
    this.release();
  }
}
