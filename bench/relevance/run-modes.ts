/** The query variants the relevance benchmark scores: with a typo, and half-typed. */

const NEIGHBOURS: Record<string, string> = {
  a: 's',
  b: 'v',
  c: 'x',
  d: 's',
  e: 'r',
  f: 'g',
  g: 'h',
  h: 'j',
  i: 'o',
  j: 'k',
  k: 'l',
  l: 'k',
  m: 'n',
  n: 'm',
  o: 'p',
  p: 'o',
  q: 'w',
  r: 't',
  s: 'a',
  t: 'r',
  u: 'i',
  v: 'b',
  w: 'e',
  x: 'c',
  y: 'u',
  z: 'x',
};

/** One typo in the longest word: a deletion, a swap or a wrong neighbouring key, in turn. */
export function withTypo(query: string, n: number): string {
  const words = query.split(' ');
  let longest = 0;
  words.forEach((w, i) => {
    if ([...w].length > [...words[longest]!].length) longest = i;
  });
  const chars = [...words[longest]!];
  if (chars.length < 2) return query;
  const p = Math.max(1, Math.floor(chars.length / 2));
  const op = n % 3;
  if (op === 0) chars.splice(p, 1);
  else if (op === 1) [chars[p - 1], chars[p]] = [chars[p]!, chars[p - 1]!];
  else chars[p] = NEIGHBOURS[chars[p]!.toLowerCase()] ?? chars[p - 1]!;
  if (op === 1 && chars.join('') === words[longest]) chars[p] = NEIGHBOURS[chars[p]!.toLowerCase()] ?? chars[p - 1]!;
  words[longest] = chars.join('');
  return words.join(' ');
}

/** The query while still being typed: the last word cut to half its length. */
export function halfTyped(query: string): string {
  const words = query.split(' ');
  const last = [...words[words.length - 1]!];
  words[words.length - 1] = last.slice(0, Math.ceil(last.length / 2)).join('');
  return words.join(' ');
}
