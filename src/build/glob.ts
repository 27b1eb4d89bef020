/**
 * The small glob dialect of the `exclude` setting, matched against `/`-separated paths
 * relative to the content folder, case-sensitively, the whole path:
 * - `*` any run of characters within one name (also a leading `.`), `?` one character;
 * - `[abc]`, `[a-z]`, `[!abc]` (or `[^abc]`) one character of (not of) a set;
 * - `**` as a whole name: any number of folders, none included (`**` alone: everything;
 *   `docs/**`: the folder `docs` itself and everything in it);
 * - `\` before one of `* ? [ ] { } ! \` makes it an ordinary character.
 * Not supported (`globProblem` says so): `{a,b}` alternatives, `!` negation, `..`, absolute paths.
 */

const SPECIAL = '*?[]{}!\\';

/** Why a pattern cannot be used, or undefined when it can. */
export function globProblem(pattern: string): string | undefined {
  if (!pattern.trim()) return 'is empty';
  if (/^\/|^\\\\|^[a-z]:[/\\]/i.test(pattern)) return 'is an absolute path; patterns are relative to the content folder';
  const path = normalizeGlob(pattern);
  const names = path.split('/');
  if (names.includes('..')) return 'goes outside the content folder (".."); patterns are relative to the content folder';
  if (names.includes('')) return 'has an empty folder name ("//")';
  if (pattern.startsWith('!')) return 'starts with "!": negation is not supported; list only what to leave out';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      if (i + 1 === pattern.length || !SPECIAL.includes(pattern[i + 1]))
        return 'has a "\\" that escapes nothing: use "/" between folder names ("\\" only escapes * ? [ ] { } ! \\)';
      i++;
    } else if (char === '{' || char === '}') {
      return 'has "{", "}": {a,b} alternatives are not supported; write one pattern for each';
    } else if (char === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) return 'has a "[" that is not closed by "]"';
      i = end;
    }
  }
  return undefined;
}

/** `./a/b/` and `a/b` are the same pattern. */
export function normalizeGlob(pattern: string): string {
  return pattern.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** One character of a name pattern: a literal, `?`, `*`, or a set. */
type Part =
  { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'set'; negated: boolean; ranges: [number, number][] };
const GLOBSTAR = '**';
type Segment = Part[] | typeof GLOBSTAR;

/**
 * A matcher for a pattern that `globProblem` accepts. No regular expression: `*` and `**`
 * are matched by the usual two-pointer walk that only ever goes back to the last star, so a
 * pattern such as `*a*a*a*a*b` costs at most the product of the lengths, never an exponent.
 * (picomatch 4 and `path.matchesGlob` compile globs to regular expressions that backtrack:
 * `*a` × 8 + `*b` against an 80-character name ran over a minute with either; under 1 ms here.)
 */
export function compileGlob(pattern: string): (path: string) => boolean {
  const segments: Segment[] = normalizeGlob(pattern)
    .split('/')
    .filter((name, i, all) => !(name === GLOBSTAR && all[i - 1] === GLOBSTAR))
    .map((name) => (name === GLOBSTAR ? GLOBSTAR : parseName(name)));
  return (path) =>
    walk(
      segments,
      path.split('/'),
      (segment, name) => segment !== GLOBSTAR && matchName(segment, Array.from(name)),
      (segment) => segment === GLOBSTAR,
    );
}

export function matchesGlob(path: string, pattern: string): boolean {
  return compileGlob(pattern)(path);
}

/**
 * Wildcard matching of `items` against `tokens`, where a star token matches any run of
 * items (none included) and every other token one item. On a mismatch only the last star
 * takes one more item: linear for most patterns, the product of the lengths at worst.
 */
function walk<T, I>(tokens: T[], items: I[], matches: (token: T, item: I) => boolean, isStar: (token: T) => boolean): boolean {
  let t = 0;
  let i = 0;
  let star = -1;
  let starItem = 0;
  while (i < items.length) {
    if (t < tokens.length && isStar(tokens[t])) {
      star = t++;
      starItem = i;
    } else if (t < tokens.length && matches(tokens[t], items[i])) {
      t++;
      i++;
    } else if (star >= 0) {
      t = star + 1;
      i = ++starItem;
    } else return false;
  }
  while (t < tokens.length && isStar(tokens[t])) t++;
  return t === tokens.length;
}

function matchName(parts: Part[], chars: string[]): boolean {
  return walk(parts, chars, matchChar, (part) => part.kind === 'star');
}

function matchChar(part: Part, char: string): boolean {
  if (part.kind === 'char') return part.char === char;
  if (part.kind !== 'set') return part.kind === 'any';
  const code = char.codePointAt(0)!;
  return part.ranges.some(([low, high]) => code >= low && code <= high) !== part.negated;
}

function parseName(name: string): Part[] {
  const parts: Part[] = [];
  const chars = Array.from(name);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (char === '*') {
      if (parts.at(-1)?.kind !== 'star') parts.push({ kind: 'star' });
    } else if (char === '?') parts.push({ kind: 'any' });
    else if (char === '\\') parts.push({ kind: 'char', char: chars[++i] });
    else if (char === '[') {
      const end = classEnd(chars, i);
      parts.push(parseSet(chars.slice(i + 1, end)));
      i = end;
    } else parts.push({ kind: 'char', char });
  }
  return parts;
}

/** `abc`, `a-z`, `!a-z`, `^abc`, with `\` escapes and a `-` first or last taken as itself. */
function parseSet(body: string[]): Part {
  const negated = body[0] === '!' || body[0] === '^';
  const ranges: [number, number][] = [];
  for (let i = negated ? 1 : 0; i < body.length; i++) {
    const escaped = body[i] === '\\';
    const code = (escaped ? body[++i] : body[i]).codePointAt(0)!;
    const isRange = !escaped && body[i] === '-' && ranges.length > 0 && i < body.length - 1;
    if (isRange) {
      const high = (body[i + 1] === '\\' ? body[(i += 2)] : body[++i]).codePointAt(0)!;
      ranges[ranges.length - 1][1] = high;
    } else ranges.push([code, code]);
  }
  return { kind: 'set', negated, ranges };
}

/** Index of the `]` that closes the class opened at `start`, or -1. A `]` right after `[` or `[!` is a member. */
function classEnd(text: ArrayLike<string>, start: number): number {
  let i = start + 1;
  if (text[i] === '!' || text[i] === '^') i++;
  if (text[i] === ']') i++;
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ']') return i;
  }
  return -1;
}
