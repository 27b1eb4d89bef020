/**
 * The build's sanitizer: the HTML of an article that holds raw HTML goes through DOMPurify on
 * jsdom (parse5: the HTML standard's parsing algorithm, the one browsers use), with the one
 * policy the elements apply (src/core/sanitize-policy.ts). So the published HTML is safe for
 * anyone who renders it, and it is what the elements will show. What is removed is returned
 * for the report; relative `<a href>` and `<img src>` values are handed to the caller, which
 * resolves them like Markdown links and images.
 *
 * jsdom is loaded on first use: content without raw HTML never pays for it (the HTML marked
 * writes from Markdown is escaped by construction; its URLs are checked by the same policy).
 */
import { createRequire } from 'node:module';
import createDOMPurify, { type DOMPurify, type UponSanitizeAttributeHookEvent } from 'dompurify';
import {
  applyAttributePolicy,
  applySvgAttributePolicy,
  articlePurifyConfig,
  isSelfContainedCss,
  keepsElement,
  PUBLISHED_MEDIA_SCOPE,
  svgPurifyConfig,
} from '../core/sanitize-policy';

/** Something the sanitizer took out: what to tell the author, and text to find it by in the source. */
export interface Removal {
  what: string;
  /** Lower-case texts the removed part may be written with, the most telling first (`<script`, a URL, `href`). */
  needles: string[];
  /** Inline styles and `data-*` attributes, which the elements never showed: a note, not a warning. */
  minor: boolean;
}

/** Rewrites a relative URL of a kept `<a href>` (`link`) or `<img src>` (`image`); returns the new value, or undefined to keep it. */
export type UrlRewriter = (kind: 'link' | 'image', value: string) => string | undefined;

const ABSOLUTE_URL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i;
const CONFIG = articlePurifyConfig();

interface Run {
  removals: Removal[];
  /** Why the policy dropped an attribute, by element and attribute name. */
  reasons: WeakMap<Element, Map<string, string>>;
  rewriteUrl?: UrlRewriter;
}

let window: Window | undefined;
let purifier: DOMPurify | undefined;
let svgPurifier: DOMPurify | undefined;
/** The sanitize call in progress (sanitizing is synchronous): where the hooks report. */
let run: Run | undefined;
let svgRun: string[] | undefined;

function jsdomWindow(): Window {
  if (!window) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as typeof import('jsdom');
    window = new JSDOM('').window as unknown as Window;
  }
  return window;
}

function instance(): DOMPurify {
  if (purifier) return purifier;
  purifier = createDOMPurify(jsdomWindow() as never);
  purifier.addHook('uponSanitizeAttribute', checkAttribute);
  purifier.addHook('afterSanitizeAttributes', finishElement);
  return purifier;
}

function svgInstance(): DOMPurify {
  if (svgPurifier) return svgPurifier;
  svgPurifier = createDOMPurify(jsdomWindow() as never);
  svgPurifier.addHook('uponSanitizeElement', (node, event) => {
    if (event.tagName === 'style' && !isSelfContainedCss(node.textContent ?? '')) {
      svgRun?.push('a <style> that loads from elsewhere');
      (node as Element).remove();
    }
  });
  svgPurifier.addHook('uponSanitizeAttribute', (node, event) => {
    const verdict = applySvgAttributePolicy(node.localName, event);
    if (!verdict.keep) svgRun?.push(verdict.reason);
  });
  return svgPurifier;
}

function checkAttribute(node: Element, event: UponSanitizeAttributeHookEvent): void {
  // A relative image is the caller's to resolve, inside the content folder; other media meet the policy's media rule here.
  const rewritten = run?.rewriteUrl && node.localName === 'img' && event.attrName === 'src' && !ABSOLUTE_URL.test(event.attrValue.trim());
  const verdict = applyAttributePolicy(node.localName, event, rewritten ? undefined : PUBLISHED_MEDIA_SCOPE);
  if (!run) return;
  if (!verdict.keep) {
    let reasons = run.reasons.get(node);
    if (!reasons) run.reasons.set(node, (reasons = new Map()));
    reasons.set(event.attrName, verdict.reason);
  } else if (verdict.dropped) {
    for (const token of verdict.dropped) {
      run.removals.push({
        what: `"${token}" from the ${event.attrName} of <${node.localName}> (the kb- namespace is the elements' own)`,
        needles: [token.toLowerCase()],
        minor: false,
      });
    }
  }
}

function finishElement(node: Element): void {
  const tag = node.localName;
  if (!keepsElement(tag, node.getAttribute('type'))) {
    run?.removals.push({
      what: `<input type="${node.getAttribute('type') ?? 'text'}"> (only task-list checkboxes are kept)`,
      needles: ['<input'],
      minor: false,
    });
    node.remove();
    return;
  }
  const attribute = tag === 'a' ? 'href' : tag === 'img' ? 'src' : undefined;
  const value = attribute && node.getAttribute(attribute);
  if (!run?.rewriteUrl || !attribute || !value || ABSOLUTE_URL.test(value.trim())) return;
  const rewritten = run.rewriteUrl(tag === 'a' ? 'link' : 'image', value);
  if (rewritten === undefined) return;
  // The URL first, where the build's marker substitution expects it (`<a href="…"`).
  const others = [...node.attributes].filter((a) => a.name !== attribute).map((a) => [a.name, a.value] as const);
  for (const [name] of others) node.removeAttribute(name);
  node.setAttribute(attribute, rewritten);
  for (const [name, kept] of others) node.setAttribute(name, kept);
}

/** What to say about one of DOMPurify's removals; undefined for what is not worth a word (comments). */
function describe(entry: DOMPurify['removed'][number], current: Run): Removal | undefined {
  if ('element' in entry) {
    const node = entry.element as Node;
    if (node.nodeType !== 1) return undefined;
    const tag = (node as Element).localName;
    const unknown =
      window!.document.createElement(tag) instanceof
      (window as unknown as { HTMLUnknownElement: typeof HTMLUnknownElement }).HTMLUnknownElement;
    const hint = unknown ? ` (not an HTML element; to show the text "<${tag}>", write \`<${tag}>\` in backticks or &lt;${tag}&gt;)` : '';
    return { what: `<${tag}>${hint}`, needles: [`<${tag}`], minor: tag === 'style' };
  }
  const attribute = entry.attribute as Attr | null;
  if (!attribute) return undefined;
  const from = entry.from as Element;
  const reason = current.reasons.get(from)?.get(attribute.name);
  const what = reason ?? `the ${attribute.name} attribute of <${from.localName}>`;
  // A value as the DOM holds it may be written with character references: then its end, or the name.
  const value = attribute.value.trim().toLowerCase();
  const needles = [value, value.slice(value.indexOf(':') + 1), attribute.name].filter(
    (needle) => needle.length >= 4 || needle === attribute.name,
  );
  return { what, needles, minor: attribute.name === 'style' || attribute.name.startsWith('data-') };
}

/**
 * Sanitizes an article's HTML with the elements' policy; returns the clean HTML and what was
 * removed (DOMPurify's removals in document order, then the policy's own).
 */
export function sanitizeArticleHtml(html: string, rewriteUrl?: UrlRewriter): { html: string; removals: Removal[] } {
  const purify = instance();
  const current: Run = { removals: [], reasons: new WeakMap(), rewriteUrl };
  run = current;
  try {
    const clean = purify.sanitize(html, CONFIG);
    const removed = purify.removed.map((entry) => describe(entry, current)).filter((r): r is Removal => r !== undefined);
    return { html: clean, removals: [...removed, ...current.removals] };
  } finally {
    run = undefined;
  }
}

/**
 * An SVG file, sanitized with DOMPurify's SVG profile and the policy's SVG rules, written
 * back as XML; with what was removed. Parsed as HTML, so a DTD and its entities (XML bombs,
 * external entities) are never expanded. An `error` when the file holds no SVG image.
 */
export function sanitizeSvg(text: string): { svg: string; removed: string[] } | { error: string } {
  const purify = svgInstance();
  const removed: string[] = [];
  svgRun = removed;
  try {
    const fragment = purify.sanitize(text, { ...svgPurifyConfig(), RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
    const root = fragment.firstElementChild;
    if (!root || root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg')
      return { error: 'it holds no <svg> image' };
    const attributes = new Set<string>();
    for (const entry of purify.removed) {
      const element = 'element' in entry && (entry.element as Node).nodeType === 1 ? (entry.element as Element).localName : undefined;
      if (element && !['html', 'head', 'body'].includes(element)) removed.push(`<${element}>`);
      else if ('attribute' in entry && entry.attribute && !attributes.has((entry.attribute as Attr).name)) {
        attributes.add((entry.attribute as Attr).name);
        removed.push(`the ${(entry.attribute as Attr).name} attribute`);
      }
    }
    const serializer = new (jsdomWindow() as unknown as { XMLSerializer: typeof XMLSerializer }).XMLSerializer();
    return { svg: `${serializer.serializeToString(root)}\n`, removed: [...new Set(removed)] };
  } finally {
    svgRun = undefined;
  }
}
