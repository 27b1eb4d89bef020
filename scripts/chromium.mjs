// Finds the Chromium the browser tests, benchmarks and screenshots use. Never downloads.
// By default: the headless Chromium inside the pinned @sparticuz/chromium dev dependency, so
// every machine runs the same browser whatever else is installed. CHROME_PATH (an installed
// Chrome or Chromium) is used only when set.
import { execFileSync } from 'node:child_process';

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

/** @returns {Promise<{ executablePath: string, args: string[], source: string }>} */
export async function findChromium() {
  if (process.env.CHROME_PATH) {
    return { executablePath: process.env.CHROME_PATH, args: COMMON_ARGS, source: 'CHROME_PATH' };
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  const args = [...new Set([...chromium.args.filter((a) => !a.startsWith('--headless')), ...COMMON_ARGS])];
  return { executablePath, args, source: '@sparticuz/chromium' };
}

/** "HeadlessChrome 153.0.…" style version of a Chromium binary, or `unknown`. */
export function chromiumVersion(executablePath) {
  try {
    return execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}
