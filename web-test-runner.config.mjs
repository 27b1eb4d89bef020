import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromiumVersion, findChromium } from './scripts/chromium.mjs';
import { analyticsPlugin } from './test/elements/support/analytics-plugin.mjs';
import { axPlugin } from './test/elements/support/ax-plugin.mjs';
import { cspPlugin } from './test/elements/support/csp-plugin.mjs';
import { testRoutes } from './test/elements/support/test-routes.mjs';

const chromium = await findChromium();
console.log(`browser: ${chromiumVersion(chromium.executablePath)} (${chromium.source}: ${chromium.executablePath})`);

export default {
  files: ['test/elements/**/*.test.ts'],
  rootDir: '.',
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  middleware: [testRoutes()],
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
    }),
  ],
};
