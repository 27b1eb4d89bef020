/**
 * Front matter fields: which exist, what type each takes, and the warnings for the rest.
 * Values of the wrong type are reported with their line and left out, never guessed at.
 */
import type { DiagnosticList } from './diagnostics';
import type { FrontMatter } from './front-matter';

export interface ArticleFields {
  id?: string;
  title?: string;
  excerpt?: string;
  tags?: string[];
  views?: number;
  order?: number;
  updated?: string;
  context?: string[];
  related?: string[];
  /** Why the article is left out (`hidden` or `draft`), if it is. */
  leftOut?: 'hidden' | 'draft';
  category?: string;
  lang?: string;
}

export interface CategoryFields {
  title?: string;
  description?: string;
  order?: number;
  icon?: string;
  /** Language of the articles in this folder and below (a folder per language). */
  lang?: string;
}

/** Aliases other tools use, read as the field they mean. */
const ARTICLE_ALIASES: Record<string, keyof ArticleFields | 'description' | 'hidden' | 'draft'> = { date: 'updated', keywords: 'tags' };
export const ARTICLE_FIELDS = [
  'id',
  'title',
  'excerpt',
  'description',
  'tags',
  'views',
  'order',
  'updated',
  'context',
  'related',
  'hidden',
  'draft',
  'category',
  'lang',
];
export const CATEGORY_FIELDS = ['title', 'description', 'order', 'icon', 'lang'];

class FieldReader {
  constructor(
    private readonly front: FrontMatter,
    private readonly file: string,
    private readonly diagnostics: DiagnosticList,
  ) {}

  line(name: string): number | undefined {
    return this.front.lines[name];
  }

  bad(name: string, expected: string): undefined {
    this.diagnostics.warn(
      'front-matter-type',
      this.file,
      `front matter field "${name}" should be ${expected}; ignored it.`,
      this.line(name),
    );
    return undefined;
  }

  string(name: string): string | undefined {
    const value = this.front.data[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.bad(name, 'text');
  }

  number(name: string, integer = false): number | undefined {
    const value = this.front.data[name];
    if (value === undefined || value === null) return undefined;
    const number =
      typeof value === 'string' && /^[\d,._\s]+$/.test(value) && /\d/.test(value) ? Number(value.replace(/[,._\s]/g, '')) : value;
    if (typeof number !== 'number' || !Number.isFinite(number) || (integer && (number < 0 || !Number.isInteger(number)))) {
      return this.bad(name, integer ? 'a whole number, 0 or more' : 'a number');
    }
    return number;
  }

  list(name: string): string[] | undefined {
    const value = this.front.data[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string')
      return value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (Array.isArray(value) && value.every((item) => ['string', 'number'].includes(typeof item))) {
      return value.map((item) => String(item).trim()).filter(Boolean);
    }
    return this.bad(name, 'a list of texts');
  }

  boolean(name: string): boolean | undefined {
    const value = this.front.data[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|yes|false|no)$/i.test(value)) return /^(true|yes)$/i.test(value);
    return this.bad(name, 'true or false');
  }

  date(name: string): string | undefined {
    const value = this.front.data[name];
    if (value === undefined || value === null) return undefined;
    const text = value instanceof Date ? value.toISOString() : String(value);
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
    if (!match || Number.isNaN(Date.parse(`${match[1]}-${match[2]}-${match[3]}`))) return this.bad(name, 'a date like 2026-03-31');
    return `${match[1]}-${match[2]}-${match[3]}`;
  }

  unknown(known: string[], aliases: Record<string, string>): void {
    for (const name of Object.keys(this.front.data)) {
      if (known.includes(name) || Object.hasOwn(aliases, name)) continue;
      this.diagnostics.warn(
        'front-matter-unknown',
        this.file,
        `unknown front matter field "${name}"${this.diagnostics.suggest(name, known)}; ignored it.`,
        this.line(name),
      );
    }
  }
}

export function readArticleFields(front: FrontMatter, file: string, diagnostics: DiagnosticList): ArticleFields {
  const data: Record<string, unknown> = Object.assign(Object.create(null), front.data);
  const lines: Record<string, number> = Object.assign(Object.create(null), front.lines);
  for (const [alias, field] of Object.entries(ARTICLE_ALIASES)) {
    if (Object.hasOwn(data, alias) && !Object.hasOwn(data, field)) {
      data[field] = data[alias];
      lines[field] = lines[alias];
    }
  }
  const r = new FieldReader({ ...front, data, lines }, file, diagnostics);
  r.unknown(ARTICLE_FIELDS, ARTICLE_ALIASES);
  const fields: ArticleFields = {
    id: r.string('id'),
    title: r.string('title'),
    excerpt: r.string('excerpt') ?? r.string('description'),
    tags: r.list('tags'),
    views: r.number('views', true),
    order: r.number('order'),
    updated: r.date('updated'),
    context: r.list('context'),
    related: r.list('related'),
    category: r.string('category'),
    lang: r.string('lang'),
  };
  if (r.boolean('draft')) fields.leftOut = 'draft';
  else if (r.boolean('hidden')) fields.leftOut = 'hidden';
  return dropUndefined(fields);
}

export function readCategoryFields(front: FrontMatter, file: string, diagnostics: DiagnosticList): CategoryFields {
  const r = new FieldReader(front, file, diagnostics);
  r.unknown(CATEGORY_FIELDS, {});
  return dropUndefined({
    title: r.string('title'),
    description: r.string('description'),
    order: r.number('order'),
    icon: r.string('icon'),
    lang: r.string('lang'),
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
