/** Categories from folders: ids, titles, `_category.md`, order, counts, tree order. */
import type { Category } from '../core/types';
import type { KbConfig } from './config';
import { compareStrings, type DiagnosticList } from './diagnostics';
import type { CategoryFields } from './fields';
import { slugifyName } from './slug';

const NUMBER_PREFIX = /^(\d+)[-_. ]+(?=\S)/;

/** A folder or file name without its ordering prefix (`02-billing` -> `billing`), and that number. */
export function splitOrderPrefix(name: string): { name: string; order?: number } {
  const match = NUMBER_PREFIX.exec(name);
  return match ? { name: name.slice(match[0].length), order: Number(match[1]) } : { name };
}

/** `email-filtering/incoming` -> `email-filtering-incoming`. */
export function pathId(path: string): string {
  return path
    .split('/')
    .map((segment) => slugifyName(splitOrderPrefix(segment).name) || slugifyName(segment))
    .filter(Boolean)
    .join('-');
}

/** `email-filtering` -> `Email filtering`. */
export function humanize(name: string): string {
  const words = splitOrderPrefix(name).name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface CategoryDraft extends Category {
  folder: string;
}

export interface FolderInfo {
  folder: string;
  fields: CategoryFields;
}

/**
 * Makes one category per folder (and one for articles at the root, if any), applies the
 * config's `categoryOrder`, and returns them in tree order: parents before children,
 * siblings by order, then title.
 */
export function makeCategories(
  folders: FolderInfo[],
  hasRootArticles: boolean,
  config: KbConfig,
  file: string,
  diagnostics: DiagnosticList,
): CategoryDraft[] {
  const drafts: CategoryDraft[] = [];
  const root = folders.find((f) => f.folder === '');
  if (hasRootArticles) {
    const draft: CategoryDraft = {
      id: config.rootCategory.id,
      title: root?.fields.title ?? config.rootCategory.title,
      folder: '',
      articleCount: 0,
      totalCount: 0,
    };
    if (root?.fields.description) draft.description = root.fields.description;
    if (root?.fields.icon) draft.icon = root.fields.icon;
    if (root?.fields.order !== undefined) draft.order = root.fields.order;
    drafts.push(draft);
  }
  const idByFolder = new Map<string, string>();
  const ids = new Set(drafts.map((d) => d.id));
  /** The next number to try for each id that several folders make (`a`, `a-1`, `a-2`). */
  const nextSuffix = new Map<string, number>();
  for (const { folder, fields } of folders) {
    if (folder === '') continue;
    const name = folder.slice(folder.lastIndexOf('/') + 1);
    const wanted = pathId(folder) || 'category';
    let id = wanted;
    for (let n = nextSuffix.get(wanted) ?? 1; ids.has(id); n++) {
      id = `${wanted}-${n}`;
      nextSuffix.set(wanted, n + 1);
    }
    ids.add(id);
    idByFolder.set(folder, id);
    const parentFolder = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
    const draft: CategoryDraft = { id, title: fields.title ?? humanize(name), folder, articleCount: 0, totalCount: 0 };
    if (fields.description) draft.description = fields.description;
    if (fields.icon) draft.icon = fields.icon;
    const order = fields.order ?? splitOrderPrefix(name).order;
    if (order !== undefined) draft.order = order;
    if (parentFolder) draft.parent = idByFolder.get(parentFolder);
    drafts.push(draft);
  }

  const byId = new Map(drafts.map((d) => [d.id, d]));
  const byFolder = new Map(drafts.filter((d) => d.folder).map((d) => [d.folder, d]));
  config.categoryOrder.forEach((wanted, position) => {
    const found = byId.get(wanted) ?? byFolder.get(wanted);
    if (found) found.order = position + 1;
    else
      diagnostics.warn(
        'config-unknown-category',
        file,
        `categoryOrder names "${wanted}", which is not a category${diagnostics.suggest(wanted, byId.keys())}.`,
      );
  });
  return treeOrder(drafts);
}

function treeOrder(drafts: CategoryDraft[]): CategoryDraft[] {
  const children = new Map<string | undefined, CategoryDraft[]>();
  for (const draft of drafts) {
    const siblings = children.get(draft.parent);
    if (siblings) siblings.push(draft);
    else children.set(draft.parent, [draft]);
  }
  const out: CategoryDraft[] = [];
  const visit = (parent: string | undefined) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) =>
        (a.order ?? Infinity) - (b.order ?? Infinity) ||
        compareStrings(a.title.toLowerCase(), b.title.toLowerCase()) ||
        compareStrings(a.id, b.id),
    );
    for (const draft of list) {
      out.push(draft);
      visit(draft.id);
    }
  };
  visit(undefined);
  return out;
}

/** Fills `articleCount` and `totalCount` from the articles' category ids. */
export function countArticles(categories: CategoryDraft[], articleCategories: string[]): void {
  const byId = new Map(categories.map((c) => [c.id, c]));
  for (const id of articleCategories) {
    const category = byId.get(id);
    if (!category) continue;
    category.articleCount++;
    for (let c: CategoryDraft | undefined = category; c; c = c.parent ? byId.get(c.parent) : undefined) c.totalCount++;
  }
}

/** The public category, without the build's folder path. */
export function toCategory({ folder: _folder, ...category }: CategoryDraft): Category {
  return category;
}
