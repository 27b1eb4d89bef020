/** `kb.config.json` / `kb.config.yaml` at the root of a content folder. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { baseUrlProblem } from '../core/bundle-format';
import { jsonSynonymLines, readSynonyms, yamlSynonymLines, type SynonymLines } from './config-synonyms';
import { clipped, type DiagnosticList } from './diagnostics';
import { lineIndex } from './line-index';
import type { ExcludePattern } from './exclude';
import { yamlNestingProblem } from './limits';

export interface KbConfig {
  /** Name of the knowledge base (default "Help Center"). */
  title: string;
  /** BCP 47 locale of the content (default `en`). */
  locale: string;
  /** Base URL that the bundle's relative asset and body URLs resolve against (e.g. a CDN). */
  baseUrl?: string;
  /** Category ids (or folder paths) in the order they are shown; others follow. */
  categoryOrder: string[];
  /** The category of articles that sit at the root of the content folder. */
  rootCategory: { id: string; title: string };
  /** Glob patterns of files and folders that are not content (checked when the tree is read). */
  exclude: ExcludePattern[];
  /** View counts by article id (`views.json` from `kb-elements insights`), inside the content folder. */
  views?: string;
  /** Groups of words or phrases that mean the same in a search (`[delete, remove, erase]`). */
  synonyms: string[][];
}

export const DEFAULT_CONFIG: KbConfig = {
  title: 'Help Center',
  locale: 'en',
  categoryOrder: [],
  rootCategory: { id: 'general', title: 'General' },
  exclude: [],
  synonyms: [],
};

const FIELDS = ['title', 'locale', 'baseUrl', 'categoryOrder', 'rootCategory', 'exclude', 'views', 'synonyms'];

/** What a `baseUrl` may be (core's `baseUrlProblem` says why one is not). */
export const BASE_URL_HINT =
  'It must be an http: or https: URL without user name, password, "?" or "#" (https://cdn.example.com/help/), a path from the site\'s root (/static/help/), or a folder inside the bundle\'s own (assets/).';

/** A config file is a few lines; one larger than this is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** More `exclude` patterns than this are an error (every file is matched against each). */
export const MAX_EXCLUDE_PATTERNS = 1000;

export async function readConfig(root: string, files: string[], diagnostics: DiagnosticList): Promise<KbConfig> {
  const config: KbConfig = { ...DEFAULT_CONFIG, rootCategory: { ...DEFAULT_CONFIG.rootCategory }, exclude: [], synonyms: [] };
  if (files.length === 0) return config;
  const file = files[0];
  for (const extra of files.slice(1)) diagnostics.warn('config-duplicate', extra, `ignored: ${file} is the config file (keep only one).`);
  // A config that cannot be read in any way (too large, too deep, a billion laughs) is one
  // error and the defaults, never a crash.
  try {
    const info = await stat(join(root, file));
    if (info.size > MAX_CONFIG_BYTES) {
      diagnostics.error(
        'config-syntax',
        file,
        `is ${info.size.toLocaleString('en')} bytes; a config file may have at most ${MAX_CONFIG_BYTES.toLocaleString('en')}. Used the defaults.`,
      );
      return config;
    }
    return readConfigText(await readFile(join(root, file), 'utf8'), file, config, diagnostics);
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'it is nested too deeply'
        : error instanceof ReferenceError
          ? `${error.message} (YAML aliases)`
          : (error as Error).message;
    diagnostics.error('config-syntax', file, `could not be read: ${reason}; used the defaults.`);
    return { ...DEFAULT_CONFIG, rootCategory: { ...DEFAULT_CONFIG.rootCategory }, exclude: [] };
  }
}

function readConfigText(text: string, file: string, config: KbConfig, diagnostics: DiagnosticList): KbConfig {
  let data: unknown;
  /** Line of each item of the `exclude` list, where the parser can tell. */
  let excludeLines: (number | undefined)[] = [];
  // JSON is YAML as far as nesting goes.
  const tooDeep = yamlNestingProblem(text);
  if (tooDeep) {
    diagnostics.error('config-syntax', file, `not read: ${tooDeep.message}; used the defaults.`, tooDeep.line);
    return config;
  }
  let synonymLines: SynonymLines = { groups: [] };
  /** Line of a top-level setting, where the parser can tell. */
  const lineOf = lineIndex(text);
  let settingLine = (key: string): number | undefined => {
    const at = text.indexOf(JSON.stringify(key));
    return at < 0 ? undefined : lineOf(at);
  };
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      diagnostics.error(
        'config-syntax',
        file,
        `not valid JSON: ${(error as Error).message}; used the defaults.`,
        jsonErrorLine(text, error as Error),
      );
      return config;
    }
  } else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, lineCounter });
    if (doc.errors.length) {
      diagnostics.error(
        'config-syntax',
        file,
        `not valid YAML: ${doc.errors[0].message.split('\n')[0]}; used the defaults.`,
        doc.errors[0].linePos?.[0].line,
      );
      return config;
    }
    data = doc.toJS({ maxAliasCount: 100 });
    const list = doc.get('exclude', true);
    const lineOf = (node: unknown) => (isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined);
    excludeLines = isSeq(list) ? list.items.map(lineOf) : [lineOf(list)];
    synonymLines = yamlSynonymLines(doc, lineOf);
    settingLine = (key) => lineOf(doc.get(key, true));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.error('config-syntax', file, 'must be an object of settings; used the defaults.');
    return config;
  }
  const values = data as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!FIELDS.includes(key))
      diagnostics.warn('config-unknown', file, `unknown setting "${key}"${diagnostics.suggest(key, FIELDS)}; ignored it.`);
  }
  const bad = (key: string, expected: string) =>
    diagnostics.warn('config-type', file, `setting "${key}" should be ${expected}; used the default.`);
  const setText = (key: 'title' | 'locale' | 'baseUrl' | 'views') => {
    const value = values[key];
    if (value === undefined) return;
    if (typeof value === 'string' && value.trim()) config[key] = value.trim();
    else bad(key, 'a non-empty text');
  };
  setText('title');
  setText('locale');
  setText('baseUrl');
  const baseUrlError = config.baseUrl === undefined ? undefined : baseUrlProblem(config.baseUrl);
  if (baseUrlError) {
    // The elements refuse a bundle whose meta.baseUrl is not a folder they may load from.
    diagnostics.error(
      'config-type',
      file,
      `setting "baseUrl" ${JSON.stringify(config.baseUrl)} ${baseUrlError}. ${BASE_URL_HINT}`,
      settingLine('baseUrl'),
    );
    config.baseUrl = undefined;
  }
  setText('views');
  if (values.categoryOrder !== undefined) {
    if (Array.isArray(values.categoryOrder) && values.categoryOrder.every((v) => typeof v === 'string'))
      config.categoryOrder = values.categoryOrder as string[];
    else bad('categoryOrder', 'a list of category ids');
  }
  const rootCategory = values.rootCategory;
  if (rootCategory !== undefined) {
    if (typeof rootCategory === 'string' && rootCategory.trim()) config.rootCategory.title = rootCategory.trim();
    else if (rootCategory && typeof rootCategory === 'object' && !Array.isArray(rootCategory)) {
      const { id, title } = rootCategory as Record<string, unknown>;
      if (typeof id === 'string' && id.trim()) config.rootCategory.id = id.trim();
      else if (id !== undefined) bad('rootCategory.id', 'a non-empty text');
      if (typeof title === 'string' && title.trim()) config.rootCategory.title = title.trim();
      else if (title !== undefined) bad('rootCategory.title', 'a non-empty text');
    } else bad('rootCategory', 'a title, or { id, title }');
  }
  if (values.exclude !== undefined) {
    if (file.endsWith('.json')) excludeLines = jsonListLines(text, 'exclude', values.exclude);
    config.exclude = readExclude(values.exclude, file, excludeLines, diagnostics);
  }
  if (values.synonyms !== undefined) {
    if (file.endsWith('.json')) synonymLines = jsonSynonymLines(text, values.synonyms);
    config.synonyms = readSynonyms(values.synonyms, file, synonymLines, diagnostics);
  }
  return config;
}

/**
 * The `exclude` list. A wrong one is an error, not a warning with a default: ignoring it
 * would publish the drafts it was meant to keep out.
 */
function readExclude(value: unknown, file: string, lines: (number | undefined)[], diagnostics: DiagnosticList): ExcludePattern[] {
  if (!Array.isArray(value)) {
    const example = typeof value === 'string' ? `["${value}"]` : '["drafts/**", "README.md"]';
    diagnostics.error(
      'config-type',
      file,
      `setting "exclude" should be a list of glob patterns, like ${example}; nothing is excluded.`,
      lines[0],
    );
    return [];
  }
  if (value.length > MAX_EXCLUDE_PATTERNS) {
    diagnostics.error(
      'config-type',
      file,
      `setting "exclude" has ${value.length.toLocaleString('en')} patterns; at most ${MAX_EXCLUDE_PATTERNS.toLocaleString('en')} are read (use "**" and folder patterns).`,
      lines[0],
    );
  }
  const patterns: ExcludePattern[] = [];
  value.slice(0, MAX_EXCLUDE_PATTERNS).forEach((pattern: unknown, i) => {
    if (typeof pattern === 'string') patterns.push({ pattern, origin: file, file, line: lines[i] });
    else
      diagnostics.error(
        'config-type',
        file,
        `setting "exclude": item ${i + 1} (${shortJson(pattern)}) is not a text; patterns are strings. Ignored it.`,
        lines[i],
      );
  });
  return patterns;
}

/**
 * Lines of a list's items in JSON text: the items are found in order after the key (an item
 * not found as written, say with escapes, ends the search: the rest get no line).
 */
function jsonListLines(text: string, key: string, list: unknown): (number | undefined)[] {
  const keyAt = text.indexOf(JSON.stringify(key));
  if (keyAt < 0) return [];
  const lineAt = lineIndex(text);
  if (!Array.isArray(list)) return [lineAt(keyAt)];
  let from = keyAt + key.length + 2;
  return list.slice(0, MAX_EXCLUDE_PATTERNS).map((item) => {
    if (from < 0 || (typeof item === 'object' && item !== null)) return undefined;
    const at = text.indexOf(JSON.stringify(item), from);
    from = at < 0 ? -1 : at + 1;
    return at < 0 ? undefined : lineAt(at);
  });
}

/** A value as JSON, cut short for a message. */
function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return clipped(text, 40);
}

function jsonErrorLine(text: string, error: Error): number | undefined {
  const position = /position (\d+)/.exec(error.message);
  if (position) return lineIndex(text)(Number(position[1]));
  const line = /line (\d+)/.exec(error.message);
  return line ? Number(line[1]) : undefined;
}
