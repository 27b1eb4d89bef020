/**
 * `kb-elements/vite`: builds a content folder into a knowledge-base bundle inside Vite.
 * - `vite dev`: builds in memory, serves `<base>kb.json` (and body files, assets), rebuilds
 *   when an article changes and reloads the page;
 * - `vite build`: builds once and emits the files into the output, so the host's own build
 *   ships the prebuilt index (content errors fail the build);
 * - `import bundle, { bundleUrl } from 'virtual:kb-elements/bundle'` gives the bundle to the
 *   host's JavaScript (`KnowledgeBase.from(bundle, { baseUrl: bundleUrl })`).
 * Options are documented in docs/content-format.md ("Vite plugin").
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { ASSET_TYPES, extensionOf, INLINE_KINDS } from './asset-types';
import { BUNDLE_FILE, createBundle, type BuildResult } from './build-bundle';
import { BuildCache } from './build-cache';
import { ContentFolderError } from './collect';
import { excludeOptionProblem, type ExcludeRules } from './exclude';
import { diagnosticLines, summaryLines } from './report';
import type { ViewsSource } from './views-file';

export interface KbVitePluginOptions {
  /** Folder of Markdown content; relative paths resolve against Vite's `root`. */
  content: string;
  /** URL path, under Vite's `base`, where the bundle is served and emitted. Default `help/` (`/help/kb.json`). */
  base?: string;
  /** Bodies in their own files: `true`, `false`, or `'auto'` (default: above 256 KB of bodies). */
  split?: boolean | 'auto';
  /** Fail `vite build` on warnings too, not only on errors. */
  strict?: boolean;
  /**
   * Emit the bundle and let `vite build` go on even when the content has errors (or warnings
   * with `strict`); they are still reported. Without it such a build fails, and `vite dev`
   * keeps serving the last bundle that built cleanly.
   */
  force?: boolean;
  /** Base URL for the bundle's assets and body files (overrides kb.config's `baseUrl`). */
  baseUrl?: string;
  /** Glob patterns (relative to `content`) of files and folders that are not articles; added to kb.config's `exclude`. */
  exclude?: string[];
  /**
   * View counts by article id instead of front matter `views`: a `views.json` path (from
   * `kb-elements insights --views`; relative paths resolve against Vite's `root`), or the counts.
   */
  views?: ViewsSource;
}

export const VIRTUAL_BUNDLE = 'virtual:kb-elements/bundle';
const RESOLVED_BUNDLE = `\0${VIRTUAL_BUNDLE}`;

/**
 * The headers a bundle's file is served with in `vite dev`, as docs/content-format.md asks of
 * any server: its type, no sniffing, downloads as downloads, and body files and SVG as
 * documents that may run nothing.
 */
function headersFor(path: string): Record<string, string> {
  const extension = extensionOf(path);
  const type = ASSET_TYPES.get(extension);
  const headers: Record<string, string> = {
    'Content-Type':
      extension === 'json'
        ? 'application/json; charset=utf-8'
        : extension === 'html'
          ? 'text/html; charset=utf-8'
          : (type?.contentType ?? 'application/octet-stream'),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  if (type && !INLINE_KINDS.has(type.kind)) headers['Content-Disposition'] = 'attachment';
  if (extension === 'html' || extension === 'svg')
    headers['Content-Security-Policy'] = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
  return headers;
}

export function kbElements(options: KbVitePluginOptions): Plugin {
  if (!options || typeof options.content !== 'string' || !options.content) {
    throw new Error('kbElements(): the "content" option (the folder of Markdown articles) is required');
  }
  const excludeProblem = excludeOptionProblem(options.exclude, 'the "exclude" option');
  if (excludeProblem) throw new Error(`kbElements(): ${excludeProblem}`);
  const { views: viewsOption } = options;
  const viewsValid =
    viewsOption === undefined ||
    (typeof viewsOption === 'string'
      ? viewsOption !== ''
      : typeof viewsOption === 'object' && viewsOption !== null && !Array.isArray(viewsOption));
  if (!viewsValid) {
    throw new Error('kbElements(): the "views" option must be the path of a views.json file, or an object of view counts by article id');
  }
  const base = `${(options.base ?? 'help/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/$/, '');
  let config: ResolvedConfig;
  let contentDir = '';
  let views: ViewsSource | undefined;
  let current: Promise<BuildResult> | undefined;
  /** The last build without errors (`vite dev` serves it while the content has errors). */
  let lastGood: BuildResult | undefined;
  /** The last build's patterns (kb.config's may change): a change to a file they match needs no rebuild. */
  let exclude: ExcludeRules | undefined;
  const cache = new BuildCache();

  const publicPath = () => `${config.base.endsWith('/') ? config.base : `${config.base}/`}${base}`;
  const build = () =>
    (current = createBundle({
      contentDir,
      split: options.split ?? 'auto',
      strict: options.strict,
      baseUrl: options.baseUrl,
      exclude: options.exclude,
      excludeOrigin: 'the Vite plugin\'s "exclude" option',
      views,
      cache,
    }).then(
      (result) => {
        exclude = result.collected.exclude;
        report(result);
        if (result.ok || options.force) lastGood = result;
        else if (lastGood && config.command !== 'build') {
          config.logger.warn('[kb-elements] the knowledge base has errors: still serving the last bundle that built without them');
          return { ...lastGood, diagnostics: result.diagnostics, ok: false };
        }
        return result;
      },
      (error: Error) => {
        if (!lastGood || config.command === 'build') throw error;
        config.logger.error(`[kb-elements] ${error.message}; still serving the last bundle that built`);
        return lastGood;
      },
    ));
  /** The content folder, or a file in it whose change can change the bundle. */
  const isContent = (file: string) => {
    const path = relative(contentDir, resolve(file));
    return path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path) && !exclude?.ignoresChange(path.split(sep).join('/'));
  };
  const report = (result: BuildResult) => {
    for (const line of diagnosticLines(result.diagnostics, { contentLabel: options.content })) config.logger.warn(`[kb-elements] ${line}`);
    const notes = result.stats.infos
      ? [
          `${result.stats.infos} note(s): ${result.diagnostics
            .filter((d) => d.severity === 'info')
            .map((d) => `${d.file} (${d.message})`)
            .join('; ')}`,
        ]
      : [];
    config.logger.info(`[kb-elements] ${[...summaryLines(result, publicPath().replace(/\/$/, '')), ...notes].join('\n  ')}`);
  };

  return {
    name: 'kb-elements',
    configResolved(resolved) {
      config = resolved;
      contentDir = isAbsolute(options.content) ? options.content : resolve(config.root, options.content);
      views = typeof options.views === 'string' ? resolve(config.root, options.views) : options.views;
    },

    async buildStart() {
      if (config.command !== 'build') return;
      let result: BuildResult;
      try {
        // One content build serves every environment of this vite build (client, SSR).
        result = await (current ?? build());
      } catch (error) {
        if (error instanceof ContentFolderError) this.error(`[kb-elements] ${error.message}`);
        throw error;
      }
      if (!result.ok) {
        const why = result.stats.errors ? `${result.stats.errors} error(s)` : `${result.stats.warnings} warning(s) (strict)`;
        if (options.force) config.logger.warn(`[kb-elements] the knowledge base has ${why}; emitted anyway (force)`);
        else this.error(`[kb-elements] the knowledge base has ${why}; see the messages above`);
      }
      this.addWatchFile(contentDir);
    },

    async generateBundle() {
      // The files belong to the browser's output, not to a server (SSR) build.
      if (config.command !== 'build' || !current || this.environment?.config.consumer === 'server') return;
      const { files } = await current;
      for (const [path, source] of files) this.emitFile({ type: 'asset', fileName: `${base}${path}`, source });
    },

    configureServer(server) {
      build().catch((error: Error) => config.logger.error(`[kb-elements] ${error.message}`));
      server.watcher.add(contentDir);
      let timer: NodeJS.Timeout | undefined;
      const onChange = (file: string) => {
        if (!isContent(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void rebuild(server, file), 50);
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
      server.middlewares.use((req, res, next) => {
        let url: string;
        try {
          url = decodeURIComponent((req.url ?? '').split('?')[0]);
        } catch {
          return next();
        }
        const prefix = publicPath();
        if (!url.startsWith(prefix) || !current) return next();
        const path = url.slice(prefix.length) || BUNDLE_FILE;
        current.then(
          ({ files }) => {
            const file = files.get(path);
            if (file === undefined) return next();
            for (const [name, value] of Object.entries(headersFor(path))) res.setHeader(name, value);
            res.end(file);
          },
          (error: Error) => {
            res.statusCode = 500;
            res.end(`kb-elements: ${error.message}`);
          },
        );
      });
    },

    watchChange(id) {
      // `vite build --watch`: content changed, so the next build reads it again.
      if (config.command === 'build' && isContent(id)) current = undefined;
    },

    resolveId(id) {
      return id === VIRTUAL_BUNDLE ? RESOLVED_BUNDLE : undefined;
    },

    async load(id) {
      if (id !== RESOLVED_BUNDLE) return undefined;
      const result = await (current ?? build());
      const json = result.files.get(BUNDLE_FILE) as string;
      // JSON.parse of a string literal parses faster than the same object as JavaScript.
      return `export const bundleUrl = ${JSON.stringify(`${publicPath()}${BUNDLE_FILE}`)};\nexport default JSON.parse(${JSON.stringify(json)});\n`;
    },
  };

  async function rebuild(server: ViteDevServer, file: string) {
    config.logger.info(`[kb-elements] ${file.slice(contentDir.length + 1)} changed: rebuilding`, { timestamp: true });
    let result: BuildResult | undefined;
    try {
      result = await build();
    } catch (error) {
      config.logger.error(`[kb-elements] ${(error as Error).message}`);
    }
    for (const environment of Object.values(server.environments)) {
      const module = environment.moduleGraph.getModuleById(RESOLVED_BUNDLE);
      if (module) environment.moduleGraph.invalidateModule(module);
    }
    server.ws.send({ type: 'custom', event: 'kb-elements:update', data: { url: `${publicPath()}${BUNDLE_FILE}` } });
    const errors = result?.diagnostics.filter((d) => d.severity === 'error') ?? [];
    if (errors.length === 0) {
      server.ws.send({ type: 'full-reload' });
      return;
    }
    // Content errors show in Vite's error overlay, on the page the author is looking at.
    const first = errors[0];
    const errorFile = resolve(contentDir, first.file);
    server.ws.send({
      type: 'error',
      err: {
        message: `Knowledge base: ${errors.length} error(s)\n${diagnosticLines(errors, { contentLabel: options.content }).join('\n')}`,
        stack: '',
        id: errorFile,
        loc: { file: errorFile, line: first.line ?? 1, column: 1 },
        plugin: 'kb-elements',
      },
    });
  }
}

export default kbElements;
