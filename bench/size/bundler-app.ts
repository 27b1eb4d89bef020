/**
 * What an app with a bundler pays: a tiny app built with Vite (production mode) that imports
 * kb-elements from dist/, once eagerly (`kb-elements`) and once lazily
 * (`kb-elements/launcher`). Reports the gzip size of the entry chunk (what the page loads
 * before help is opened) and of the chunks loaded later.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface AppBuild {
  /** Gzip bytes of the entry chunk. */
  entry: number;
  /** Gzip bytes of the chunks the entry imports dynamically (the help code). */
  lazy: number;
}

const APPS = {
  eager: `import { KbHelp } from 'kb-elements';\nconsole.log(KbHelp.name);\n`,
  lazy: `import { open, on } from 'kb-elements/launcher';\non('open', () => {});\ndocument.querySelector('#help')?.addEventListener('click', () => open());\n`,
};

async function buildApp(name: keyof typeof APPS): Promise<AppBuild> {
  const root = resolve('bench/.out/app', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'main.js'), APPS[name]);
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: {
      alias: [
        { find: /^kb-elements\/launcher$/, replacement: resolve('dist/launcher.js') },
        { find: /^kb-elements$/, replacement: resolve('dist/index.js') },
      ],
    },
    build: {
      outDir: join(root, 'dist'),
      modulePreload: false,
      rollupOptions: { input: join(root, 'main.js'), output: { entryFileNames: 'entry.js' } },
    },
  });
  const files = readdirSync(join(root, 'dist'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'));
  const size = (f: string) => gzipSync(readFileSync(join(root, 'dist', f)), { level: 9 }).length;
  const entryFile = files.find((f) => f.endsWith('entry.js'))!;
  return { entry: size(entryFile), lazy: files.filter((f) => f !== entryFile).reduce((n, f) => n + size(f), 0) };
}

/** Builds both apps; eager first. */
export async function measureBundlerApps(): Promise<Record<keyof typeof APPS, AppBuild>> {
  return { eager: await buildApp('eager'), lazy: await buildApp('lazy') };
}
