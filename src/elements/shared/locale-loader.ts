/**
 * For the single-file script-tag build: when an element needs a language that has no strings
 * yet, add that language's script (`kb-elements.de.js`, next to `kb-elements.js`) once. A
 * `<script src>` from the same folder passes a strict `script-src 'self'` policy; English
 * shows until the file registers its strings and the elements re-render.
 */
import { languageFileName } from '../locales/file-name';
import { onMissingLanguage, primaryLanguage } from './locale-registry';

/**
 * Loads the language files of `languages` (primary subtags) from the folder `base`, on demand.
 * `nonce` is passed on to the added scripts for nonce-based policies. A failed load is
 * logged once and the elements stay in English.
 */
export function loadLanguagesFrom(base: string, languages: readonly string[], nonce = ''): void {
  const requested = new Set<string>();
  onMissingLanguage((lang) => {
    const primary = primaryLanguage(lang);
    if (!languages.includes(primary) || requested.has(primary)) return;
    requested.add(primary);
    const tag = document.createElement('script');
    tag.src = new URL(languageFileName(primary), base).href;
    tag.async = true;
    if (nonce) tag.nonce = nonce;
    tag.onerror = () => {
      tag.remove();
      console.warn(`kb-elements: the "${primary}" strings could not be loaded from ${tag.src}; showing English`);
    };
    document.head.append(tag);
  });
}
