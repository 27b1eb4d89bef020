/** The script-tag file of a language, as the build names it and kb-elements.js asks for it: `kb-elements.de.js`. */
export function languageFileName(lang: string): string {
  return `kb-elements.${lang}.js`;
}
