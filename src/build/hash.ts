import { createHash } from 'node:crypto';

/** Short content hash for file names that a CDN may cache forever. */
export function contentHash(content: string | Uint8Array, length = 10): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}

/** `name.hash.ext` with the name reduced to safe ASCII. */
export function hashedName(name: string, extension: string, content: string | Uint8Array): string {
  const safe =
    name
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .toLowerCase() || 'file';
  return `${safe}.${contentHash(content)}${extension}`;
}
