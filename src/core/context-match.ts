/** Matching of host-app contexts: setting keys (`settings.archive`) and route paths (`/domains/42/dns`). */
import { decodeUriPart as safeDecode } from './uri-part';

/** The path part of a path or URL, without query, hash or trailing slash. */
export function normalizePath(path: string): string {
  let p = path.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(p);
  if (scheme) p = p.slice(scheme[0].length) || '/';
  p = p.replace(/[?#].*$/, '');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p || '/';
}

const isPath = (s: string) => s.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/**
 * How specifically `pattern` matches `value`: 0 for no match, higher for closer matches.
 * Paths: exact 3, with `:param` segments 2, with a trailing `*` (one or more segments) 1.
 * Keys: exact 3; a key's parent (`settings` for `settings.archive`) 1.
 */
export function contextMatch(pattern: string, value: string): number {
  if (isPath(value)) {
    if (!pattern.startsWith('/')) return 0;
    const p = normalizePath(pattern).split('/');
    const v = normalizePath(value).split('/');
    let score = 3;
    for (let i = 0; i < p.length; i++) {
      const seg = p[i]!;
      if (seg === '*' || seg === '**') return i === p.length - 1 && v.length > i ? 1 : 0;
      if (i >= v.length) return 0;
      if (seg.startsWith(':') && v[i]) score = 2;
      else if (safeDecode(seg).toLowerCase() !== safeDecode(v[i]!).toLowerCase()) return 0;
    }
    return p.length === v.length ? score : 0;
  }
  if (pattern === value) return 3;
  if (value.startsWith(`${pattern}.`)) return 1;
  return 0;
}
