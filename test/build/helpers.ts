import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/build/diagnostics';

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/content/${name}`, import.meta.url));
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A new folder in the system temp folder, removed by an `after` hook of the test (or suite,
 * or file) that asked for it: when that test ends, passed or failed.
 */
function selfCleaningTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // maxRetries: a watcher the test just stopped may still be writing into it.
  after(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));
  return dir;
}

/** A temporary content folder made of `{ path: text }`; removed when the test ends. */
export function tempContent(files: Record<string, string | Uint8Array> = {}): string {
  const root = selfCleaningTempDir('kb-build-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** An empty temporary folder (an output folder, say); removed when the test ends. */
export const tempDir = () => selfCleaningTempDir('kb-out-');

/**
 * Polls `check` until it returns a truthy value; fails after `timeout` ms with `what` (and
 * `detail()`, say the output so far). The deadline is generous: the machine may be busy. A check
 * that throws counts as "not yet" (a file read while another process writes it); the last error
 * is in the failure.
 */
export async function waitUntil<T>(
  check: () => T | Promise<T>,
  what: string,
  detail = () => '',
  timeout = 30_000,
): Promise<NonNullable<T>> {
  const start = performance.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() - start > timeout) {
      const why = [lastError ? `last error: ${String(lastError)}` : '', detail()].filter(Boolean).join('\n');
      assert.fail(`timed out after ${timeout} ms waiting for ${what}${why ? `\n${why}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A content folder (`<tmp>/content`) with `files`, and beside it, outside the folder, `decoys`:
 * files a hostile article reaches for (`../decoy.txt`), so nothing secret needs to be on disk.
 */
export function tempContentBeside(
  files: Record<string, string | Uint8Array>,
  decoys: Record<string, string | Uint8Array>,
): { content: string; outside: string } {
  const outside = selfCleaningTempDir('kb-decoys-');
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
  return list
    .filter((d) => d.severity !== 'info' && (file === undefined || d.file === file))
    .map((d) => `${d.file}:${d.line ?? '-'} ${d.severity} ${d.code}: ${d.message}`);
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
