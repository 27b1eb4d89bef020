/**
 * Start-up of the script-tag files (`kb-elements.js`, `kb-launcher.js`): reads the options
 * from the `<script>` tag's `data-*` attributes, installs `window.kbElements`, and adds the
 * launcher when the tag carries `data-launcher`.
 *
 * | attribute          | meaning                                                            |
 * |--------------------|--------------------------------------------------------------------|
 * | `data-kb-src`      | bundle URL (`kb.json`) for the launcher and the API                |
 * | `data-kb-credentials` | cookies on the bundle's requests: `omit` (default), `same-origin`, `include` |
 * | `data-launcher`    | add the floating help button (`<kb-launcher>`)                    |
 * | `data-position`    | corner: `bottom-right` (default), `bottom-left`, `top-right`, `top-left` |
 * | `data-z-index`     | stacking order of the button and panel                             |
 * | `data-label`       | button text                                                        |
 * | `data-theme`       | `light`, `dark` or `auto`                                          |
 * | `data-lang`        | language of the launcher and help center (default: the page's)    |
 * | `data-preload`     | `intent` (default), `idle` or `none`                               |
 * | `data-suggest`     | initial context keys for "Suggested for this page", comma-separated |
 * | `data-kb-contact-url` | where "Still need help?" leads (off without it)                 |
 * | `data-elements-src`| `kb-launcher.js` only: URL of `kb-elements.js` (default: next to it) |
 * | `data-kb-analytics`| send help-center events to this collector URL (docs/analytics.md); unset: nothing is sent |
 */
import { setContextKeys } from '../shared/route-state';
import { activeLauncher, installGlobalApi, whenBody } from './global-api';

/** The launcher attributes a script tag sets, as `data-<name>`; a `kb-` prefix is dropped. */
const LAUNCHER_OPTIONS = ['kb-src', 'kb-credentials', 'position', 'z-index', 'label', 'theme', 'lang', 'preload', 'kb-contact-url'];

/** What a script tag asked for. */
export interface ScriptOptions {
  launcher: boolean;
  launcherAttributes: Record<string, string>;
  suggest: string[];
  elementsSrc?: string;
  /** `data-kb-analytics`: the collector URL events are sent to. */
  analytics?: string;
}

/** Reads the options of a script tag (or none, when the script was not loaded by a tag). */
export function readScriptOptions(script: HTMLOrSVGScriptElement | null): ScriptOptions {
  const tag = script instanceof HTMLScriptElement ? script : null;
  const data = tag?.dataset ?? {};
  const launcherAttributes: Record<string, string> = {};
  for (const option of LAUNCHER_OPTIONS) {
    const value = tag?.getAttribute(`data-${option}`);
    if (value) launcherAttributes[option.replace(/^kb-/, '')] = value;
  }
  if (launcherAttributes.src) {
    try {
      launcherAttributes.src = new URL(launcherAttributes.src, document.baseURI).href;
    } catch {
      // Left as written: the launcher shows the load error where the user sees it.
    }
  }
  return {
    launcher: data.launcher !== undefined,
    launcherAttributes,
    suggest: (data.suggest ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    elementsSrc: data.elementsSrc,
    analytics: data.kbAnalytics || undefined,
  };
}

/**
 * Installs the global API and, when asked, the launcher. Never throws into the host page: a
 * failure is logged as a warning.
 */
export function autoInit(options: ScriptOptions, version: string): void {
  try {
    if (options.suggest.length) setContextKeys(options.suggest);
    installGlobalApi({ version, launcherAttributes: options.launcherAttributes });
    if (options.launcher) whenBody(() => activeLauncher(options.launcherAttributes));
  } catch (error) {
    console.warn('kb-elements: start-up failed', error);
  }
}
