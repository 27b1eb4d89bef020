// Finds the Chromium the browser tests, benchmarks and screenshots use. Never downloads:
// CHROME_PATH, else an installed Chrome/Chromium, else the one @sparticuz/chromium ships.
import { existsSync } from 'node:fs';

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

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
  const installed = INSTALLED.find((path) => existsSync(path));
  if (installed) return { executablePath: installed, args: COMMON_ARGS, source: installed };
  const { default: chromium } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  const args = [...new Set([...chromium.args.filter((a) => !a.startsWith('--headless')), ...COMMON_ARGS])];
  return { executablePath, args, source: '@sparticuz/chromium' };
}
