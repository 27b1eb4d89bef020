/**
 * THE policy for article HTML (bodies, category intros): what may be shown inside the
 * elements' shadow roots. DOM-free, so both sides apply the very same rules with DOMPurify:
 * the elements (src/elements/shared/sanitize.ts) on every piece of HTML they show, and the
 * build (src/build/html-sanitizer.ts) on the HTML it publishes. They cannot drift.
 *
 * - HTML only: no SVG, no MathML, no scripts, styles, forms, frames or embeds.
 * - No `on*` handlers, no `style` attributes or elements, no `data-*`, no attributes that
 *   reach into the host page (`part`, `slot`, `popover*`, `tabindex`, ...).
 * - URLs: only `http:`, `https:`, `mailto:`, `tel:` and relative URLs; `javascript:`,
 *   `data:` and every other scheme are dropped (the attribute goes, the element stays).
 * - The `kb-` namespace belongs to the elements' own parts: a `kb-` class token is dropped,
 *   and so is an `id` or `name` starting with `kb-`, and a `kb-` token in an attribute that
 *   refers to ids (`for`, `aria-labelledby`, ...), so article HTML can never take over, label
 *   or describe the elements' live regions, labels or controls. Case-insensitive.
 * - `<input>` survives only as a (read-only) task-list checkbox.
 * - Media load by themselves (an `<img>`, a `<video>` poster: no click, the page's cookies on a
 *   request to its own origin), so they load only from the bundle's own files or from another
 *   site: a `src` or `poster` that lands on the bundle's or the page's origin outside the
 *   folder of the bundle's files (`../../api/secret`, `/admin/logout`) is dropped. A site of its
 *   own, written as a full URL (`https://cdn.example.com/a.png`), stays.
 *   Links are different: nothing is requested until the user follows one, and help articles
 *   rightly link into the host application (`/settings/dns`), so `href`s only meet the scheme
 *   rule. (The elements open another origin's links in a new tab, without opener or referrer.)
 */
import { isInFolder } from './bundle-format';

/** Prefix of the ids and classes the elements give their own parts; article HTML may not use it. */
export const RESERVED_PREFIX = 'kb-';

export const ALLOWED_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/** Attributes whose value is a URL (checked against the allowed schemes). */
export const URL_ATTRIBUTES: readonly string[] = [
  'href',
  'src',
  'poster',
  'cite',
  'action',
  'formaction',
  'background',
  'longdesc',
  'xlink:href',
  'srcset',
];

/** Attributes whose URL the browser fetches by itself when the element is shown (not on a click), by element. */
export const SELF_LOADING_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['img', ['src']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['source', ['src']],
  ['track', ['src']],
  ['input', ['src']],
]);

/** Where article media may load from. */
export interface MediaScope {
  /** What relative URLs resolve against (the bundle's URL, or its folder). */
  base: string;
  /** The folder of the bundle's files: the base's folder, ending in `/`. */
  folder: string;
  /** Origins whose other URLs media may not load from: the folder's own, and the page's. */
  origins: readonly string[];
}

export function mediaScope(base: string, pageOrigin?: string): MediaScope {
  const folder = new URL('.', base);
  return { base, folder: folder.href, origins: pageOrigin && pageOrigin !== folder.origin ? [folder.origin, pageOrigin] : [folder.origin] };
}

/**
 * The scope of what the build publishes, whose place it cannot know: media must be relative
 * paths that stay inside the bundle, or another site. A path from the site's root, or one that
 * climbs out (`../`), is outside wherever the bundle is served.
 */
export const PUBLISHED_MEDIA_SCOPE: MediaScope = mediaScope('https://bundle.invalid/kb/kb.json');

/** Why media at `value` (a URL as the DOM holds it) may not load in `scope`, or undefined when it may. */
export function mediaUrlProblem(value: string, scope: MediaScope): string | undefined {
  let url: URL;
  try {
    url = new URL(value, scope.base);
  } catch {
    return undefined;
  }
  if (isInFolder(url.href, scope.folder) || !scope.origins.includes(url.origin)) return undefined;
  const where =
    scope === PUBLISHED_MEDIA_SCOPE ? 'outside the bundle' : `${url.origin}${url.pathname}, outside the knowledge base's folder`;
  return `it loads from ${where}: media load only from the bundle's own files or from another site`;
}

/** Whether the browser fetches the URL of attribute `name` of a `<tag>` by itself. */
export function loadsByItself(tag: string, name: string): boolean {
  return SELF_LOADING_ATTRIBUTES.get(tag)?.includes(name) ?? false;
}

/** Attributes whose value is a list of ids that the element points at. */
export const IDREF_ATTRIBUTES: readonly string[] = [
  'for',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'headers',
  'list',
  'form',
  'popovertarget',
  'commandfor',
  'itemref',
];

export const FORBID_TAGS: readonly string[] = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'dialog',
  'template',
  'slot',
  'iframe',
  'frame',
  'object',
  'embed',
  'portal',
  'noscript',
];

export const FORBID_ATTR: readonly string[] = [
  'style',
  'srcset',
  'sizes',
  'part',
  'exportparts',
  'slot',
  'nonce',
  'tabindex',
  'autofocus',
  'inert',
  'popover',
  'popovertarget',
  'popovertargetaction',
  'command',
  'commandfor',
  'action',
  'formaction',
  'method',
  'enctype',
  'autoplay',
  'draggable',
  'accesskey',
  'contenteditable',
  'ping',
  'is',
  'target',
  'background',
  'usemap',
  'integrity',
  'crossorigin',
];

/**
 * The DOMPurify configuration both sides use (a fresh object each call; callers add only how
 * the result is returned). Plain data, so core needs no DOMPurify import.
 */
export function articlePurifyConfig() {
  return {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [...FORBID_TAGS],
    FORBID_ATTR: [...FORBID_ATTR],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: true,
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  };
}

// ASCII whitespace and C0 controls are ignored by URL parsing ("java\tscript:" is javascript:).
const URL_IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** True when a URL (an attribute value as the DOM holds it) uses a scheme other than the allowed ones. */
export function isUnsafeUrl(value: string): boolean {
  const scheme = value.replace(URL_IGNORED, '').match(SCHEME)?.[1]?.toLowerCase();
  return scheme !== undefined && !ALLOWED_SCHEMES.includes(scheme);
}

/**
 * `isUnsafeUrl` for a value still written as markup (`&#106;avascript:`, `java&Tab;script:`):
 * character references are decoded the way a browser would, with or without `;`, and any
 * other named reference is dropped, which can only make the check stricter.
 */
export function isUnsafeUrlInMarkup(value: string): boolean {
  const decoded = value
    .replace(/&#(x[0-9a-f]+|[0-9]+);?/gi, (_, ref: string) => {
      const code = ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/&([a-z][a-z0-9]*);?/gi, (_, name: string) => (name.toLowerCase() === 'colon' ? ':' : ''));
  return isUnsafeUrl(decoded);
}

export const isReserved = (token: string) => token.toLowerCase().startsWith(RESERVED_PREFIX);

/** What the policy does with one attribute: keep it (perhaps with fewer tokens), or drop it. */
export type AttributeVerdict = { keep: true; value: string; dropped?: string[] } | { keep: false; reason: string };

const keep = (value: string): AttributeVerdict => ({ keep: true, value });

/**
 * The policy's own attribute rules, beyond DOMPurify's allow-lists. `tag` and `name` in lower
 * case; `scope`: where media may load from (without it, media URLs meet only the scheme rule).
 */
function checkArticleAttribute(tag: string, name: string, value: string, scope?: MediaScope): AttributeVerdict {
  if (name.startsWith('on')) return { keep: false, reason: `the event handler ${name}` };
  if (URL_ATTRIBUTES.includes(name) && isUnsafeUrl(value)) {
    return { keep: false, reason: `a ${value.replace(URL_IGNORED, '').match(SCHEME)![1].toLowerCase()}: URL in ${name}` };
  }
  const mediaProblem = scope && loadsByItself(tag, name) ? mediaUrlProblem(value, scope) : undefined;
  if (mediaProblem) return { keep: false, reason: `the ${name} "${value.trim().slice(0, 60)}" of <${tag}> (${mediaProblem})` };
  if ((name === 'id' || name === 'name') && isReserved(value.trim()))
    return { keep: false, reason: `${name}="${value.trim()}" (the kb- namespace is the elements' own)` };
  if (name === 'class' || IDREF_ATTRIBUTES.includes(name)) {
    const tokens = value.split(/\s+/).filter(Boolean);
    const dropped = tokens.filter(isReserved);
    if (dropped.length === 0) return keep(value);
    const kept = tokens.filter((token) => !isReserved(token));
    if (kept.length === 0 && name !== 'class')
      return { keep: false, reason: `${name}="${dropped.join(' ')}" (the kb- namespace is the elements' own)` };
    return { keep: true, value: kept.join(' '), dropped };
  }
  if (name === 'type' && tag === 'input' && value.toLowerCase() !== 'checkbox')
    return { keep: false, reason: `type="${value}" on <input>` };
  return keep(value);
}

/** The fields of DOMPurify's `uponSanitizeAttribute` event that the policy reads and sets. */
export interface AttributeHookEvent {
  attrName: string;
  attrValue: string;
  keepAttr: boolean;
}

/** Applies `checkArticleAttribute` to a DOMPurify attribute event; returns the verdict for reports. */
export function applyAttributePolicy(tag: string, event: AttributeHookEvent, scope?: MediaScope): AttributeVerdict {
  return applyVerdict(event, checkArticleAttribute(tag, event.attrName, event.attrValue, scope));
}

function applyVerdict(event: AttributeHookEvent, verdict: AttributeVerdict): AttributeVerdict {
  if (!verdict.keep) event.keepAttr = false;
  else event.attrValue = verdict.value;
  return verdict;
}

/** Elements that survive DOMPurify's allow-list but not the policy: any `<input>` but a checkbox. */
export function keepsElement(tag: string, type: string | null): boolean {
  return tag !== 'input' || type?.toLowerCase() === 'checkbox';
}

/**
 * SVG files an article shows (`![diagram](d.svg)`) or links to: the build publishes them only
 * after DOMPurify's SVG profile with this policy, so opened on their own, as a page of the
 * host's origin, they run nothing and fetch nothing. No scripts, handlers, `<foreignObject>`,
 * frames; `href`s only to fragments of the file itself (and `data:` raster images on
 * `<image>`); styles without `url(...)` to elsewhere, `@import` or escapes.
 */
export function svgPurifyConfig() {
  return {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['script', 'foreignobject', 'iframe', 'embed', 'object', 'audio', 'video', 'animation', 'handler', 'listener'],
    // `role="img"` with a `<title>` is how an SVG says what it shows.
    ADD_ATTR: ['role'],
    ALLOW_DATA_ATTR: false,
  };
}

const SVG_URL_ATTRIBUTES: readonly string[] = ['href', 'xlink:href', 'src'];
const SVG_RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif);/i;

/** True when CSS in an SVG can fetch nothing from elsewhere (only `url(#id)`), and hides nothing in escapes. */
export function isSelfContainedCss(css: string): boolean {
  if (/@import|\\|expression\s*\(/i.test(css)) return false;
  for (const match of css.matchAll(/url\s*\(\s*(['"]?)\s*([^'")\s]*)/gi)) if (!match[2].startsWith('#')) return false;
  return true;
}

/** The SVG policy's attribute rules, beyond DOMPurify's SVG allow-lists. */
function checkSvgAttribute(tag: string, name: string, value: string): AttributeVerdict {
  if (name.startsWith('on')) return { keep: false, reason: `the event handler ${name}` };
  if (SVG_URL_ATTRIBUTES.includes(name)) {
    const url = value.replace(URL_IGNORED, '');
    if (!url.startsWith('#') && !(tag === 'image' && SVG_RASTER_DATA.test(url)))
      return { keep: false, reason: `${name}="${url.slice(0, 40)}" (an SVG may only refer to its own parts)` };
  }
  if (name === 'style' && !isSelfContainedCss(value)) return { keep: false, reason: 'a style attribute that loads from elsewhere' };
  return keep(value);
}

/** Applies `checkSvgAttribute` to a DOMPurify attribute event; returns the verdict for reports. */
export function applySvgAttributePolicy(tag: string, event: AttributeHookEvent): AttributeVerdict {
  return applyVerdict(event, checkSvgAttribute(tag, event.attrName, event.attrValue));
}
