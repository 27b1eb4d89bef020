/**
 * The host page's document where DOM clobbering would fool the start-up: named elements override
 * a document's own members, so `<img name="currentScript" data-kb-src=…>` on the page would
 * hand the script-tag options (the bundle's URL) to whoever wrote that markup, and
 * `<img name="body">` would take the launcher in. These read the built-in getters instead.
 * (Clobbering of the document's methods breaks Lit itself, which reads them; that is left to
 * the page.)
 */
const read = (name: string): unknown => Object.getOwnPropertyDescriptor(Document.prototype, name)!.get!.call(document);

/** The `<script>` running now (null in a module, a callback, or when the page clobbered the name). */
export function currentScript(): HTMLScriptElement | null {
  const script = read('currentScript');
  return script instanceof HTMLScriptElement ? script : null;
}

/** `<body>`, once parsed. */
export const pageBody = () => read('body') as HTMLElement | null;
