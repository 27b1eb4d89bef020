/**
 * Entry of dist/kb-launcher.js, the small launcher-first script: the launcher button, the
 * `window.kbElements` API and the route context, nothing else. The full `kb-elements.js`
 * (next to it, or `data-elements-src`) is added on first open, on intent to open (hover or
 * focus of the button), or as soon as the page uses another `kb-*` element.
 */
import { autoInit, readScriptOptions } from './auto-init';
import { deferElements } from './defer-elements';
import { claimedLoad } from './elements-claim';
import { currentScript } from '../shared/page-dom';
import { VERSION } from './version';

const script = currentScript();
const options = readScriptOptions(script);
const elementsSrc = new URL(options.elementsSrc ?? 'kb-elements.js', script?.src || document.baseURI).href;

/** Adds the `kb-elements.js` script; a failed load is forgotten so "Try again" adds it anew. */
let loading: Promise<unknown> | undefined;
function loadElements(): Promise<unknown> {
  if (customElements.get('kb-help')) return Promise.resolve();
  const claimed = claimedLoad();
  if (claimed) return claimed;
  return (loading ??= new Promise<unknown>((resolve, reject) => {
    const tag = document.createElement('script');
    tag.src = elementsSrc;
    tag.async = true;
    // A nonce-based policy allows the script it was given to, so the script it adds carries it too.
    if (script?.nonce) tag.nonce = script.nonce;
    // The analytics sink is part of kb-elements.js: it reads the setting from its own tag.
    if (options.analytics) tag.dataset.kbAnalytics = options.analytics;
    const fail = (message: string) => {
      tag.remove();
      loading = undefined;
      reject(new Error(`${message}: ${elementsSrc}`));
    };
    tag.onload = () => (customElements.get('kb-help') ? resolve(undefined) : fail('no <kb-help> in'));
    tag.onerror = () => fail('could not load');
    document.head.append(tag);
  }));
}

deferElements(loadElements);
autoInit(options, VERSION);
