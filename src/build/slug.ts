import { isReserved } from '../core/sanitize-policy';

/**
 * Slugs for heading ids, article ids and category ids, the way GitHub makes heading anchors:
 * lower case, letters (any script), digits, `_` and `-` kept, spaces to `-`, the rest dropped.
 * Ids must not change under existing links, so this is not github-slugger: both give the same
 * ids for every heading of the demo, the fixtures and the mail-server docs, but github-slugger
 * drops numbers such as `²` `½` `①` (kept here), does not compose `é` written as `e` + accent
 * (composed here), and, its table being Unicode 13, drops letters added since (kept here).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]+/gu, '')
    .replace(/ /g, '-');
}

const SPOKEN: Record<string, string> = { '+': 'plus', '#': 'sharp', '&': 'and', '@': 'at' };

/**
 * Slug for a path segment or id: like `slugify`, but runs of separators collapse to one `-`,
 * and the signs that tell names apart are spelt out (`clang++` -> `clang-plus-plus`, `c#` ->
 * `c-sharp`), so `clang.md` and `clang++.md` get different ids. A name made only of other
 * punctuation (`$.md`, `%.md`, real tldr pages) becomes its code points (`u24`).
 */
export function slugifyName(text: string): string {
  const spelt = text.replace(/[+#&@]/g, (sign) => ` ${SPOKEN[sign]} `).replace(/[\s.]+/g, ' ');
  const slug = slugify(spelt).replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  if (slug || !text.trim()) return slug;
  return `u${Array.from(text.trim(), (c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}

/** Ids starting with `kb-` belong to the elements' own parts (src/core/sanitize-policy.ts). */
export const isReservedId = isReserved;

/**
 * Hands out slugs unique within one article (`setup`, `setup-1`, `setup-2`, ...). A slug in
 * the elements' `kb-` namespace gets the fallback in front (`KB basics` -> `section-kb-basics`).
 */
export class Slugger {
  private readonly seen = new Set<string>();
  /** The next number to try for each base, so many equal headings cost no more than different ones. */
  private readonly next = new Map<string, number>();

  slug(text: string, fallback = 'section'): string {
    const slug = slugify(text) || fallback;
    const base = isReserved(slug) ? `${fallback}-${slug}` : slug;
    let candidate = base;
    let n = this.next.get(base) ?? 1;
    while (this.seen.has(candidate)) candidate = `${base}-${n++}`;
    this.next.set(base, n);
    this.seen.add(candidate);
    return candidate;
  }

  /** Claims an author-given id as is; false when it is already taken. */
  claim(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    return true;
  }
}
