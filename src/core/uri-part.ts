/**
 * Text in URLs without exceptions: `encodeURIComponent` throws a URIError on a lone surrogate
 * (half of a UTF-16 pair, which JSON and the DOM allow), `decodeURIComponent` on a malformed
 * `%` escape. String.prototype.toWellFormed is not in Node 20.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** `text` with every lone surrogate replaced by U+FFFD (the replacement character). */
export function toWellFormed(text: string): string {
  return HAS_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

/** `encodeURIComponent` that never throws: a lone surrogate is encoded as U+FFFD. */
export function encodeUriPart(text: string): string {
  return encodeURIComponent(toWellFormed(text));
}

/** `decodeURIComponent` that never throws: text with a malformed escape comes back as it is. */
export function decodeUriPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
