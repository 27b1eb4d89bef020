/**
 * Entry of the single-file script-tag bundle, dist/kb-elements.js: every element, lit,
 * and dompurify in one self-contained file, with English strings. Other languages are
 * loaded from their own files next to it when an element needs them.
 *
 * Only the launcher button and `window.kbElements` run at once. The rest of the file (the
 * help elements, the search engine, the sanitizer) is wrapped by the bundler and evaluated
 * on demand: at once when the tag has no `data-launcher` or the page uses other `kb-*`
 * elements, else on the first open of the launcher or intent to open it (hover, focus).
 */
import { autoInit, readScriptOptions } from './elements/kb-launcher/auto-init';
import { deferElements } from './elements/kb-launcher/defer-elements';
import { defineOnce } from './elements/kb-launcher/elements-claim';
import { VERSION } from './elements/kb-launcher/version';
import languages from './elements/locales/languages.json';
import { requestAnalytics } from './elements/shared/analytics/analytics-request';
import { loadLanguagesFrom } from './elements/shared/locale-loader';
import { currentScript } from './elements/shared/page-dom';

const script = currentScript();
const options = readScriptOptions(script);
// English is built in; the other languages are files next to this one (kb-elements.de.js).
if (script?.src) loadLanguagesFrom(script.src, languages, script.nonce);
// `data-kb-analytics`: the sink starts with the elements (./script-tag-api).
if (options.analytics) requestAnalytics({ endpoint: options.analytics });

/** For script-tag pages: `kbElementsBundle.registerStrings('fr', { ... })` adds a language. */
export { registerStrings } from './elements/shared/locale-registry';

/** Evaluates every element and the API; resolves with `./script-tag-api` (`KnowledgeBase`, ...). */
export function load(): Promise<typeof import('./script-tag-api')> {
  return import('./script-tag-api');
}

/** Defines the elements once per page, even when this file or the ESM build ran before. */
function loadElements(): Promise<unknown> {
  return defineOnce(() =>
    load().catch((error: unknown) => {
      console.warn('kb-elements: the elements could not be defined', error);
      throw error;
    }),
  );
}

deferElements(loadElements, { now: !options.launcher });
autoInit(options, VERSION);
