import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { describeChromium, findChromium } from './scripts/chromium.mjs';
import { analyticsPlugin } from './test/elements/support/analytics-plugin.mjs';
import { axPlugin } from './test/elements/support/ax-plugin.mjs';
import { cspPlugin } from './test/elements/support/csp-plugin.mjs';
import { testRoutes } from './test/elements/support/test-routes.mjs';

const chromium = await findChromium();
console.log(describeChromium(chromium));

export default {
  files: ['test/elements/**/*.test.ts'],
  rootDir: '.',
  nodeResolve: true,
  concurrency: 2,
  middleware: [testRoutes()],
  // Generous: a passing test never waits these out, and the machine may be running other tests.
  testFramework: { config: { timeout: 30_000 } },
  testsFinishTimeout: 10 * 60_000,
  browserStartTimeout: 2 * 60_000,
  plugins: [
    a11ySnapshotPlugin(),
    cspPlugin(),
    analyticsPlugin(),
    axPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromium.executablePath, args: chromium.args, headless: true },
      // Test files run side by side in one browser. A full Chrome shows only one tab at a time:
      // the others would be hidden (no animation frames) and unfocused (no focus events), so
      // keyboard and focus tests would depend on which file runs next to them. Emulating a
      // focused page keeps every page visible and focused, as it would be when run alone.
      async createPage({ context }) {
        const page = await context.newPage();
        await page.emulateFocusedPage(true);
        return page;
      },
    }),
  ],
};
