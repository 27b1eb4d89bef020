/**
 * Writes a bundle into the output folder, and nowhere else. The folder itself is the user's
 * choice (it may be a symbolic link); inside it the build writes and deletes only its own
 * files (`kb.json`, `articles/…`, `assets/…`, the list of them), never through a symbolic link:
 * an entry that is one (`kb.json -> /elsewhere`, `assets -> /elsewhere`) stops the build with
 * an error. Files are written into a staging folder inside the output folder first, then moved
 * into place (bodies and assets before `kb.json`, so a reader sees the old bundle or the new
 * one whole), then the files the previous build wrote and this one does not are removed. The
 * staging folder never outlives the write.
 */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ASSETS_DIR, BODIES_DIR } from '../core/bundle-format';

/** Lists the files a build wrote, so the next build removes only its own stale files. */
export const MANIFEST_FILE = '.kb-elements-files.json';
const STAGING_PREFIX = '.kb-staging-';
/**
 * The only paths the build ever writes or removes: names of letters, digits, `_`, `-` and `.`,
 * none starting with `.`, in folders of such names (`kb.json`, `articles/x.hash.html`, `assets/…`).
 */
const OWN_PATH = /^(?!\.)[\w.-]+(?:\/(?!\.)[\w.-]+)*$/;

/** The output folder cannot be written safely (a symbolic link inside it, a path that is not ours). */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/**
 * Writes the files (paths relative to `outDir`, `/`-separated), skipping unchanged ones, and
 * removes the files the previous build wrote that are gone now.
 */
export function writeBundleFiles(outDir: string, files: Map<string, string | Uint8Array>): void {
  const root = resolve(outDir);
  mkdirSync(root, { recursive: true });
  const out = realpathSync(root);
  for (const path of files.keys())
    if (!OWN_PATH.test(path)) throw new OutputFolderError(`will not write "${path}": not a path of the bundle`);
  removeStaleStaging(out);
  refuseLinks(out, [...files.keys(), MANIFEST_FILE]);
  const previous = readManifest(out);
  const changed = [...files].filter(([path, content]) => !(previous.includes(path) && sameContent(join(out, path), content)));
  // Bodies and assets first, kb.json and the list last.
  changed.sort(([a], [b]) => Number(!a.includes('/')) - Number(!b.includes('/')));
  const staging = mkdtempSync(join(out, STAGING_PREFIX));
  try {
    for (const [path, content] of changed) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), content);
    }
    writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify([...files.keys()], null, 1)}\n`);
    for (const [path] of changed) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      renameSync(join(staging, path), join(out, path));
    }
    renameSync(join(staging, MANIFEST_FILE), join(out, MANIFEST_FILE));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  // A stale file is removed only from the folders the bundle writes into, and at the top only
  // a `.json` (a list edited by hand cannot make the build delete the rest of the output folder).
  const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const ownFolders = new Set([BODIES_DIR, ASSETS_DIR, ...[...files.keys()].map(folderOf)]);
  const removable = (path: string) => OWN_PATH.test(path) && (path.includes('/') ? ownFolders.has(folderOf(path)) : path.endsWith('.json'));
  for (const path of previous) {
    if (files.has(path) || !removable(path) || isLinkOnTheWay(out, path)) continue;
    try {
      unlinkSync(join(out, path));
    } catch {
      // Gone already.
    }
  }
}

/** Staging folders a build that was killed left behind (ours by name, folders, not links). */
function removeStaleStaging(out: string): void {
  for (const entry of readdirSync(out, { withFileTypes: true })) {
    if (entry.name.startsWith(STAGING_PREFIX) && entry.isDirectory()) rmSync(join(out, entry.name), { recursive: true, force: true });
  }
}

/** Stops the build when a path it writes, or a folder on the way, is a symbolic link. */
function refuseLinks(out: string, paths: string[]): void {
  const checked = new Set<string>();
  for (const path of paths) {
    const names = path.split('/');
    for (let i = 1; i <= names.length; i++) {
      const part = names.slice(0, i).join('/');
      if (checked.has(part)) continue;
      checked.add(part);
      if (isLink(join(out, part))) {
        throw new OutputFolderError(
          `${part} in the output folder is a symbolic link (to ${readlinkSync(join(out, part))}); the build writes only into the output folder itself. Remove the link, or choose another --out.`,
        );
      }
    }
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isLinkOnTheWay(out: string, path: string): boolean {
  const names = path.split('/');
  return names.some((_, i) => isLink(join(out, ...names.slice(0, i + 1))));
}

function sameContent(path: string, content: string | Uint8Array): boolean {
  try {
    return Buffer.compare(readFileSync(path), typeof content === 'string' ? Buffer.from(content) : content) === 0;
  } catch {
    return false;
  }
}

function readManifest(out: string): string[] {
  try {
    const list: unknown = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
