/** DOM helpers shared by the element tests. */
import { nextFrame } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { waitFor } from './frame';

/** `querySelector` inside an element's shadow root. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  return el.shadowRoot!.querySelector<T>(selector) as T;
}

/** `querySelectorAll` inside an element's shadow root, as an array. */
export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Every element under `root`, descending into open shadow roots. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/**
 * What a hostile bundle must never leave in the DOM: `<script>`, SVG/MathML, `on*` attributes,
 * `javascript:`/`data:` URLs. Returns descriptions of what was found (empty = clean).
 */
export function scriptTraces(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of allElements(root)) {
    const tag = el.localName;
    if (tag === 'script' || tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'math') found.push(`<${tag}>`);
    if (tag === 'svg' && !el.closest('[aria-hidden="true"]') && el.getAttribute('aria-hidden') !== 'true') found.push('<svg> (not ours)');
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value.replace(/[\u0000-\u0020]/g, '')) && /href|src|action/i.test(attr.name)) {
        found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return found;
}

/** Waits until `el` has rendered and is no longer loading its bundle. */
export async function settled(el: LitElement, timeout = 10_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    await el.updateComplete;
    const loading = el.shadowRoot?.querySelector('.kb-state--loading');
    if (!loading) return;
    if (performance.now() - start > timeout) throw new Error(`${el.localName} still loading after ${timeout} ms`);
    await nextFrame();
  }
}

/**
 * Waits until `win` has rendered two frames and then gone idle: what the page scheduled for
 * "soon" (a Lit update, a resize observation, an animation event, an idle-time task) has run.
 * For asserting that something did NOT happen, instead of waiting a fixed time. The idle wait
 * gives up after `timeout` ms (a busy machine may never be idle), which is still after the frames.
 */
export async function quiet(win: Window = window, timeout = 2000): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((r) => win.requestAnimationFrame(r));
  await new Promise((r) => win.requestIdleCallback(r, { timeout }));
}

/**
 * Waits until every image under `root` (shadow roots included) has loaded or failed, so an
 * `onerror`/`onload` left in content would have run, then until the page is `quiet`. Lazy
 * images the page has not started loading are skipped: they load only when scrolled to.
 */
export async function imagesSettled(root: ParentNode, win: Window = window): Promise<void> {
  const images = allElements(root).filter((el): el is HTMLImageElement => el.localName === 'img');
  await waitFor(() => images.every((img) => img.complete || img.loading === 'lazy'), 'images loaded or failed');
  await quiet(win);
}

/** Collects events of `type` fired on (or bubbling to) `target`. */
export function record<E extends Event>(target: EventTarget, type: string): E[] {
  const events: E[] = [];
  target.addEventListener(type, (e) => events.push(e as E));
  return events;
}

/**
 * Runs `body` while fetches of `url` wait until `body` calls `release`: what an element shows
 * while its bundle is on the way, tested without racing the network.
 */
export function withHeldFetch<T>(url: string, body: (release: () => void) => Promise<T>): Promise<T> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  return withFetch(
    (requested) => (requested === url ? held : undefined),
    () => body(release),
  );
}

/**
 * Runs `body` with `window.fetch` wrapped: `intercept(url)` may return a URL to fetch instead,
 * or a promise to wait for first; anything else fetches as asked. Restores fetch afterwards.
 */
export async function withFetch<T>(intercept: (url: string) => string | Promise<unknown> | undefined, body: () => Promise<T>): Promise<T> {
  const realFetch = window.fetch;
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const answer = intercept(url);
    if (typeof answer === 'string') return realFetch(answer, init);
    if (answer) await answer;
    return realFetch(input, init);
  }) as typeof fetch;
  try {
    return await body();
  } finally {
    window.fetch = realFetch;
  }
}

/** `tag#id[part]` of an element, for messages (a failed `expect(node).to.equal(other)` cannot be reported: the runner cannot serialize DOM nodes). */
export function describeNode(node: Element | null | undefined): string {
  if (!node) return String(node);
  const part = node.getAttribute('part');
  return `${node.localName}${node.id ? `#${node.id}` : ''}${part ? `[part="${part}"]` : ''}`;
}

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Asserts that `expected` has focus (looking inside shadow roots), naming both in the message. */
export function expectFocusOn(expected: Element | null | undefined, what = describeNode(expected)): void {
  const active = deepActiveElement();
  if (active !== expected) throw new Error(`expected focus on ${what}, but it is on ${describeNode(active)}`);
}
