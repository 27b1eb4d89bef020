/**
 * Folding of text to index terms: lower case, accents dropped from Latin, Greek and Cyrillic
 * letters (`résumé` -> `resume`), Arabic and Hebrew vowel marks dropped, a few letters
 * that do not decompose spelled out (`ß` -> `ss`). Marks that change the letter in other
 * scripts (Japanese dakuten, Indic vowel signs) are kept.
 */
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŀ: 'l',
  ħ: 'h',
};
const SPELLED_RE = /[ßæœøłđðþıŀħ]/g;
const LATIN_MARKS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
// Arabic harakat, Quranic marks and tatweel; Hebrew points and cantillation.
// eslint-disable-next-line no-misleading-character-class -- a class of the combining marks themselves
const RTL_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0591-\u05C7]/g;
const NEEDS_WORK = /[^\x00-\x7F]/;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NEEDS_WORK.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .replace(RTL_MARKS, '')
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
    .normalize('NFC');
}
