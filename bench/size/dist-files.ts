/**
 * Every file of a dist/ folder with its raw and gzip size, keyed by its name with the bundler's
 * content hash taken out (so a file can be compared across builds), source maps and types summed.
 * `node --import tsx bench/size/dist-files.ts --record DIST COMMIT` writes bench/size/before.json,
 * the sizes that `bench/size` shows the current ones against.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  raw: number;
  gzip: number;
}

export interface RecordedSizes {
  commit: string;
  files: Record<string, FileSize>;
}

export const BEFORE_FILE = 'bench/size/before.json';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** `report-zIcST8Ct.js` is `report-[hash].js` (a hash has a capital or a digit; `kb-launcher.js` is a name). */
const unhashed = (name: string) => name.replace(/-(?=[\w-]{0,7}[A-Z0-9])[\w-]{8}(?=\.js$)/, '-[hash]');

export function distSizes(dir: string): Record<string, FileSize> {
  const files: Record<string, FileSize> = {};
  const add = (name: string, size: FileSize) => {
    const had = files[name] ?? { raw: 0, gzip: 0 };
    files[name] = { raw: had.raw + size.raw, gzip: had.gzip + size.gzip };
  };
  for (const path of walk(dir).sort()) {
    const name = relative(dir, path);
    const bytes = readFileSync(path);
    const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    if (name.endsWith('.map')) add('*.map', size);
    else if (name.endsWith('.d.ts')) add('*.d.ts', size);
    else add(unhashed(name), size);
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

if (process.argv[2] === '--record') {
  const [dir, commit] = process.argv.slice(3);
  if (!dir || !commit) throw new Error('usage: dist-files.ts --record DIST COMMIT');
  const recorded: RecordedSizes = { commit, files: distSizes(dir) };
  writeFileSync(BEFORE_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
  console.log(`wrote ${BEFORE_FILE} (${Object.keys(recorded.files).length} files of ${commit})`);
}
