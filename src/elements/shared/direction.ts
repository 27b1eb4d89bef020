/**
 * The writing direction of a language, for the `dir` of what is shown in it.
 *
 * The browser knows it: `Intl.Locale#getTextInfo()` (or the older `textInfo` getter) where it
 * exists; elsewhere the language's likely script (`Intl.Locale#maximize()`, from CLDR's
 * likely-subtags data that every engine with `Intl.Locale` carries: `ar` → `Arab`,
 * `pa-PK` → `Arab`, `ku` → `Latn`) tells, since direction belongs to the script. Only the
 * scripts written right to left are listed here (Unicode's RTL scripts in current use).
 * Tags `Intl.Locale` rejects are left to right.
 */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

export type TextDirection = 'ltr' | 'rtl';

interface LocaleWithTextInfo extends Intl.Locale {
  getTextInfo?: () => { direction?: TextDirection };
  textInfo?: { direction?: TextDirection };
}

const cache = new Map<string, TextDirection>();

/** `rtl` for Arabic, Hebrew, Persian, Urdu, … (any tag in an RTL script); `ltr` otherwise. */
export function textDirection(lang: string): TextDirection {
  let dir = cache.get(lang);
  if (!dir) {
    dir = directionOf(lang);
    cache.set(lang, dir);
  }
  return dir;
}

function directionOf(lang: string): TextDirection {
  let locale: LocaleWithTextInfo;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return 'ltr';
  }
  const known = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (known === 'rtl' || known === 'ltr') return known;
  const script = locale.script ?? locale.maximize().script;
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
