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
      if (i + 1 === pattern.length || !SPECIAL.includes(pattern[i + 1])) return 'has a "\\" that escapes nothing: use "/" between folder names ("\\" only escapes * ? [ ] { } ! \\)';
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

/** A regular expression for a pattern that `globProblem` accepts. */
export function globToRegExp(pattern: string): RegExp {
  const names = normalizeGlob(pattern)
    .split('/')
    .filter((name, i, all) => !(name === '**' && all[i - 1] === '**'));
  let source = '';
  names.forEach((name, i) => {
    const last = i === names.length - 1;
    if (name !== '**') source += nameToRegExp(name) + (last ? '' : '/');
    else if (!last) source += '(?:[^/]+/)*';
    else source = i === 0 ? '.*' : `${source.slice(0, -1)}(?:/.*)?`;
  });
  return new RegExp(`^${source}$`, 'u');
}

export function matchesGlob(path: string, pattern: string): boolean {
  return globToRegExp(pattern).test(path);
}

function nameToRegExp(name: string): string {
  let source = '';
  for (let i = 0; i < name.length; i++) {
    const char = name[i];
    if (char === '*') {
      source += '[^/]*';
      while (name[i + 1] === '*') i++;
    } else if (char === '?') source += '[^/]';
    else if (char === '\\') source += escape(name[++i]);
    else if (char === '[') {
      const end = classEnd(name, i);
      source += classToRegExp(name.slice(i + 1, end));
      i = end;
    } else source += escape(char);
  }
  return source;
}

/** Index of the `]` that closes the class opened at `start`, or -1. A `]` right after `[` or `[!` is a member. */
function classEnd(text: string, start: number): number {
  let i = start + 1;
  if (text[i] === '!' || text[i] === '^') i++;
  if (text[i] === ']') i++;
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ']') return i;
  }
  return -1;
}

function classToRegExp(body: string): string {
  const negated = body[0] === '!' || body[0] === '^';
  let members = '';
  for (let i = negated ? 1 : 0; i < body.length; i++) {
    const escaped = body[i] === '\\';
    const char = escaped ? body[++i] : body[i];
    const range = !escaped && char === '-' && members !== '' && i < body.length - 1;
    members += range ? '-' : char.replace(/[\\\]\[^-]/g, '\\$&');
  }
  // A set never matches the `/` between folder names.
  return negated ? `[^/${members}]` : `(?!/)[${members}]`;
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
