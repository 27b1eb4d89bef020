import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { minifyLitTemplates } from './scripts/minify-lit-templates.ts';
import languages from './src/elements/locales/languages.json' with { type: 'json' };
import { languageFileName } from './src/elements/locales/file-name.ts';

/**
 * The builds, chosen by `--mode`:
 * - `lib` (default): ES modules for bundlers; lit and dompurify stay external.
 * - `standalone`: one self-contained IIFE file for a plain `<script>` tag.
 * - `launcher`: the small launcher-first script tag file (kb-launcher.js).
 * - `locale-<lang>`: a language's strings as a script-tag file (kb-elements.de.js).
 * - `node`: the CLI and the Vite plugin, for Node.
 */
const runtimeDeps = Object.keys(pkg.dependencies);
const isExternal = (deps: string[]) => (id: string) =>
  id.startsWith('node:') || builtinModules.includes(id) || deps.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** A self-contained, minified IIFE file for a plain `<script>` tag. */
function scriptTagBuild(entry: string, name: string, file: string): UserConfig {
  return {
    plugins: [minifyLitTemplates()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      lib: { entry, formats: ['iife'], name, fileName: () => file },
      // Lit's and DOMPurify's licences ask for their notices to stay with the code.
      rolldownOptions: { output: { comments: { legal: true } } },
    },
  };
}

/** The ES modules of the languages (dist/locales/de.js), for `import 'kb-elements/locales/de'`. */
const localeModules = Object.fromEntries(languages.map((lang) => [`locales/${lang}`, `src/elements/locales/${lang}.ts`]));

const configs: Record<string, UserConfig> = {
  lib: {
    plugins: [minifyLitTemplates()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: false,
      lib: {
        entry: {
          index: 'src/index.ts',
          core: 'src/core/index.ts',
          launcher: 'src/launcher.ts',
          analytics: 'src/analytics.ts',
          ...localeModules,
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: isExternal(runtimeDeps),
        // Shared chunks in one folder, listed in package.json `sideEffects` (one defines <kb-launcher>).
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  standalone: scriptTagBuild('src/standalone.ts', 'kbElementsBundle', 'kb-elements.js'),
  /** The launcher-first script (kb-launcher.js): button + window.kbElements; loads kb-elements.js on demand. */
  launcher: scriptTagBuild('src/elements/kb-launcher/script-loader.ts', 'kbLauncherScript', 'kb-launcher.js'),
  /** One script-tag file per language (kb-elements.de.js), added by kb-elements.js when needed. */
  ...Object.fromEntries(
    languages.map((lang) => [
      `locale-${lang}`,
      scriptTagBuild(`src/elements/locales/${lang}.ts`, `kbElementsStrings_${lang}`, languageFileName(lang)),
    ]),
  ),
  node: {
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'node20',
      ssr: true,
      sourcemap: true,
      minify: false,
      lib: {
        entry: { cli: 'src/build/cli.ts', vite: 'src/build/vite-plugin.ts', collector: 'src/build/collector/index.ts' },
        formats: ['es'],
      },
      rollupOptions: {
        external: isExternal([...runtimeDeps, ...Object.keys(pkg.devDependencies), 'vite']),
      },
    },
  },
};

export default defineConfig(({ mode }) => configs[mode] ?? configs.lib);
