// Finds the Chromium the browser tests, benchmarks and screenshots use. Never downloads.
// By default: the headless Chromium inside the pinned @sparticuz/chromium dev dependency, so
// every machine runs the same browser whatever else is installed. CHROME_PATH (an installed
// Chrome or Chromium) is used only when set.
//
// The package's own `executablePath()` unpacks into the system temp folder as `/tmp/chromium`
// and reuses whatever it finds there, whichever package version (another checkout's) wrote it,
// even half-written. So we unpack it ourselves, once per package version, into
// node_modules/.cache (removed with node_modules; never into the temp folder), and atomically:
// into a private folder first, then renamed, so concurrent runs never see a partial browser.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

const COMMON_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
];

const CACHE = fileURLToPath(new URL('../node_modules/.cache/kb-elements/', import.meta.url));

/** @returns {Promise<{ executablePath: string, args: string[], source: string }>} */
export async function findChromium() {
  if (process.env.CHROME_PATH) {
    return { executablePath: process.env.CHROME_PATH, args: COMMON_ARGS, source: 'CHROME_PATH' };
  }
  if (platform() !== 'linux' || arch() !== 'x64') {
    throw new Error(
      `@sparticuz/chromium ships a Linux x64 Chromium only; on ${platform()} ${arch()} set CHROME_PATH to an installed Chrome or Chromium`,
    );
  }
  const packageRoot = join(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '../..');
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const executablePath = await unpackOnce(join(packageRoot, 'bin'), join(CACHE, `chromium-${version}`));
  // Not the package's own `args`: they are for AWS Lambda and switch off what the tests must see
  // as a user's browser does it (`--disable-web-security`: no CORS; `--single-process`, no site isolation).
  return { executablePath, args: COMMON_ARGS, source: `@sparticuz/chromium ${version}` };
}

/** Unpacks the package's `chromium.br` and `swiftshader.tar.br` into `folder` unless done already. */
async function unpackOnce(bin, folder) {
  const executable = join(folder, 'chromium');
  if (existsSync(executable)) return executable;
  const partial = `${folder}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(partial, { recursive: true });
  try {
    await pipeline(
      createReadStream(join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    // The GL libraries (SwiftShader) sit next to the binary, where Chromium looks for them.
    const tar = join(partial, 'swiftshader.tar');
    await pipeline(createReadStream(join(bin, 'swiftshader.tar.br')), createBrotliDecompress(), createWriteStream(tar));
    execFileSync('tar', ['-x', '--no-same-owner', '-f', tar, '-C', partial]);
    rmSync(tar);
    try {
      renameSync(partial, folder);
    } catch (error) {
      if (!existsSync(executable)) throw error; // else another run finished first: use its copy
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return executable;
}

/** "Chromium 147.0.…" style version of a Chromium binary, or `unknown`. */
export function chromiumVersion(executablePath) {
  try {
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}

/** One line saying which browser a run uses, e.g. for the start of a test or benchmark run. */
export function describeChromium({ executablePath, source }) {
  return `browser: ${chromiumVersion(executablePath)} (${source}: ${executablePath})`;
}
