import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/build/diagnostics';

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/content/${name}`, import.meta.url));
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A temporary content folder made of `{ path: text }`. */
export function tempContent(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-build-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'kb-out-'));

/**
 * A content folder (`<tmp>/content`) with `files`, and beside it, outside the folder, `decoys`:
 * files a hostile article reaches for (`../decoy.txt`), so nothing secret needs to be on disk.
 */
export function tempContentBeside(files: Record<string, string | Uint8Array>, decoys: Record<string, string | Uint8Array>): { content: string; outside: string } {
  const outside = mkdtempSync(join(tmpdir(), 'kb-decoys-'));
  const content = join(outside, 'content');
  for (const [path, text] of [...Object.entries(decoys), ...Object.entries(files).map(([p, t]) => [`content/${p}`, t] as const)]) {
    mkdirSync(dirname(join(outside, path)), { recursive: true });
    writeFileSync(join(outside, path), text);
  }
  mkdirSync(content, { recursive: true });
  return { content, outside };
}

/** The bytes of a PNG file as far as the build looks (its signature), and `tag` to tell files apart. */
export const png = (tag = '') => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tag)]);

/** Every diagnostic but the notes (of one file, if given), as `file:line severity code: message`. */
export function messagesOf(list: Diagnostic[], file?: string): string[] {
  return list.filter((d) => d.severity !== 'info' && (file === undefined || d.file === file)).map((d) => `${d.file}:${d.line ?? '-'} ${d.severity} ${d.code}: ${d.message}`);
}

/** The diagnostics of one file, as `line severity code` strings, for compact assertions. */
export function diagnosticsOf(list: Diagnostic[], file: string): string[] {
  return list.filter((d) => d.file === file).map((d) => `${d.line ?? '-'} ${d.severity} ${d.code}`);
}

export function find<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`no "${id}" in [${list.map((i) => i.id).join(', ')}]`);
  return found;
}
