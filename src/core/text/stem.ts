/**
 * A light English stemmer: enough to make `filters`, `filtering` and `filtered` one word,
 * `arriving` meet `arrive`, `encryption` meet `encrypt`. Used at query time only, to find
 * index terms of the same stem (the index keeps words as written).
 */
const PLURALS: [suffix: string, replacement: string][] = [
  ['sses', 'ss'],
  ['ies', 'y'],
  ['xes', 'x'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['ss', 'ss'],
  ['us', 'us'],
  ['is', 'is'],
  ['s', ''],
];
const SUFFIXES: [suffix: string, replacement: string][] = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['ation', ''],
  ['ment', ''],
  ['ness', ''],
  ['ing', ''],
  ['ion', ''],
  ['ied', 'y'],
  ['edly', ''],
  ['ed', ''],
  ['ly', ''],
];

const VOWEL = /[aeiouy]/;

function strip(w: string, rules: [string, string][], minBase: number): string {
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    return base.length >= minBase && VOWEL.test(base) ? base + replacement : w;
  }
  return w;
}

export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = strip(word, PLURALS, 2);
  w = strip(w, SUFFIXES, 3);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && /([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}
