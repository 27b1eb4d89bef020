/**
 * Markdown to HTML for one article, in two steps, because links can only be resolved once
 * every article is known: `prepare` lexes (GFM plus our extensions), takes the title, gives
 * headings stable ids and cuts the text into sections; `render` writes the HTML with links
 * and images already resolved by the caller.
 */
import { randomBytes } from 'node:crypto';
import { Marked, type Tokens } from 'marked';
import type { ArticleHeading, IndexableSection } from '../core/types';
import type { DiagnosticList } from './diagnostics';
import { filterHtml } from './html-filter';
import { escapeHtml } from './html-text';
import { markdownExtensions, type FootnoteDefToken, type FootnoteRefToken, type FootnotesToken } from './markdown-extensions';
import { Slugger } from './slug';
import { annotateLines, plainText, walkTokens, type Token } from './tokens';

/** A link or image found in the Markdown (or in raw HTML), for the caller to resolve. */
export interface UrlReference {
  kind: 'link' | 'image';
  href: string;
  line: number;
  /** Found in a raw HTML tag rather than in Markdown. */
  raw: boolean;
  /** Plain text of a Markdown link (what the article calls the target). */
  text?: string;
}

/**
 * One Markdown document, converted. The HTML holds a marker where each relative URL goes:
 * links can only be resolved once every article is known, and keeping every article's token
 * tree until then would cost more in garbage collection than the whole Markdown conversion.
 */
export interface ConvertedMarkdown {
  /** HTML with URL markers; `finish` turns it into the final HTML. */
  html: string;
  /** Text of the leading `# heading`, which is taken out of the body (the elements show the title). */
  title?: string;
  headings: ArticleHeading[];
  sections: IndexableSection[];
  /** Plain text of the first paragraph, for the default excerpt. */
  firstParagraph: string;
  /** Every heading id in the article, including headings nested in callouts and tabs. */
  anchors: Set<string>;
  urls: UrlReference[];
}

/** What to do with a URL: use `href`, drop the link or image and keep its text, or leave it (undefined). */
export type UrlResolution = { href: string } | { drop: true } | undefined;

const TEMPLATE_SYNTAX = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const HEADING_ATTRIBUTES = /\s*\{:?\s*((?:[#.][\w-]+\s*|[\w-]+=(?:"[^"]*"|\S+)\s*)+)\}\s*$/;

const ABSOLUTE_URL = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;

export class MarkdownEngine {
  private readonly marked: Marked;
  private readonly nonce = randomBytes(6).toString('hex');
  private readonly markers: RegExp;
  /** While converting: where raw HTML URLs are recorded, and where removed scripts are reported. */
  private current?: { urls: UrlReference[]; file: string; diagnostics: DiagnosticList };

  constructor(locale = 'en') {
    const engine = this;
    const marker = `kb-url-(\\d+)-${this.nonce}`;
    this.markers = new RegExp(`<a href="${marker}"[^>]*>([\\s\\S]*?)</a>|<img src="${marker}" alt="([^"]*)"[^>]*>|${marker}`, 'g');
    this.marked = new Marked({ gfm: true }, markdownExtensions(locale), {
      renderer: {
        heading(token) {
          const id = (token as Token).id as string | undefined;
          return `<h${token.depth}${id ? ` id="${escapeHtml(id)}"` : ''}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
        },
        html(token) {
          const line = (token as Token).line ?? 0;
          const current = engine.current;
          const result = filterHtml(token.text, (tag, attribute, value) => {
            const kind = tag === 'a' && attribute === 'href' ? 'link' : tag === 'img' && attribute === 'src' ? 'image' : undefined;
            if (!current || !kind || ABSOLUTE_URL.test(value.trim())) return undefined;
            return engine.marker(current.urls, { kind, href: value, line, raw: true });
          });
          for (const part of result.removed) {
            current?.diagnostics.warn('unsafe-html', current.file, `removed ${part.what} from raw HTML (the bundle never carries scripts or event handlers).`, line);
          }
          return result.html;
        },
      },
    });
  }

  private marker(urls: UrlReference[], reference: UrlReference): string {
    urls.push(reference);
    return `kb-url-${urls.length - 1}-${this.nonce}`;
  }

  /** Lexes, finds the title, gives headings ids, makes sections, and writes the HTML with URL markers. */
  convert(body: string, bodyLine: number, file: string, diagnostics: DiagnosticList): ConvertedMarkdown {
    const source = body.replace(/\r\n?/g, '\n');
    const tokens = this.marked.lexer(source) as unknown as Token[];
    annotateLines(tokens, source, bodyLine);

    let title: string | undefined;
    const first = tokens.findIndex((token) => token.type !== 'space' && !(token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw)));
    if (first >= 0 && tokens[first].type === 'heading' && tokens[first].depth === 1) {
      title = plainText(tokens[first].tokens as Token[]);
      tokens.splice(first, 1);
    } else {
      // A `# heading` further down still names the article, but stays where the author put it.
      const h1 = tokens.find((t) => t.type === 'heading' && t.depth === 1);
      if (h1) title = plainText(h1.tokens as Token[]);
    }

    blankInlineScripts(tokens);
    const anchors = new Set<string>();
    const slugger = new Slugger();
    const urls: UrlReference[] = [];
    const footnotes = collectFootnotes(tokens, file, diagnostics);
    if (footnotes.notes.length) {
      for (const note of footnotes.notes) slugger.claim(`fn-${note.number}`);
    }
    walkTokens(tokens, (token) => {
      if (token.type === 'heading') {
        token.id = headingId(token, slugger, file, diagnostics);
        anchors.add(token.id as string);
      } else if ((token.type === 'link' || token.type === 'image') && !ABSOLUTE_URL.test((token.href as string).trim())) {
        const reference: UrlReference = { kind: token.type, href: token.href as string, line: token.line ?? bodyLine, raw: false };
        if (token.type === 'link' && token.tokens) reference.text = plainText(token.tokens as Token[]);
        token.href = this.marker(urls, reference);
      } else if (token.type === 'text' && !token.tokens) {
        reportTemplateSyntax(token, file, diagnostics);
      }
    });
    // Content tabs get ids after headings, so a tab never takes a heading's natural id.
    walkTokens(tokens, (token) => {
      if (token.type !== 'tab') return;
      token.id = slugger.slug((token.label as string).replace(/[`*_]/g, ''), 'tab');
      anchors.add(token.id as string);
    });
    if (footnotes.notes.length) tokens.push(footnotes as unknown as Token);

    this.current = { urls, file, diagnostics };
    let html: string;
    try {
      // Scripts may span several inline tokens (`<script>` text `</script>`): a last pass over
      // the whole article takes out anything the per-token pass could not see whole.
      html = filterHtml(this.marked.parser(tokens as unknown as Tokens.Generic[] as never) as string).html;
    } finally {
      this.current = undefined;
    }
    return {
      html,
      title,
      headings: tokens.filter((t) => t.type === 'heading').map((t) => ({ id: t.id as string, text: plainText(t.tokens as Token[]), level: t.depth as number })),
      sections: splitSections(tokens),
      firstParagraph: firstParagraph(tokens),
      anchors,
      urls,
    };
  }

  /** Plain text of a short piece of Markdown (an excerpt written in front matter). */
  plain(markdown: string): string {
    return plainText(this.marked.lexer(markdown) as unknown as Token[]).replace(/\s+/g, ' ');
  }

  /** The final HTML: each URL marker replaced by what `resolve` decides for it. */
  finish(converted: ConvertedMarkdown, resolve: (url: UrlReference) => UrlResolution): string {
    if (converted.urls.length === 0) return converted.html;
    const decisions = converted.urls.map((url) => {
      const decision = resolve(url);
      // Raw HTML is the author's own: a URL that cannot be resolved stays as written.
      return url.raw && decision && 'drop' in decision ? undefined : decision;
    });
    const hrefOf = (index: number) => {
      const decision = decisions[index];
      return escapeHtml(decision && 'href' in decision ? decision.href : cleanUrl(converted.urls[index].href));
    };
    const replace = (html: string): string =>
      html.replace(this.markers, (whole, link?: string, text?: string, image?: string, alt?: string, other?: string) => {
        const index = Number(link ?? image ?? other);
        const drop = Boolean(decisions[index] && 'drop' in decisions[index]!);
        const marker = `kb-url-${index}-${this.nonce}`;
        if (link !== undefined) {
          if (drop) return replace(text!);
          const open = whole.slice(0, whole.length - text!.length - '</a>'.length);
          return `${open.replace(marker, hrefOf(index))}${replace(text!)}</a>`;
        }
        if (image !== undefined) return drop ? alt! : whole.replace(marker, hrefOf(index));
        return hrefOf(index);
      });
    return replace(converted.html);
  }


}

/**
 * An inline `<script>` arrives as three tokens (`<script>`, its text, `</script>`): blank the
 * text between them, so the script's source never shows up as text (the tags themselves are
 * removed when the HTML is written).
 */
function blankInlineScripts(tokens: Token[]): void {
  let inScript = false;
  for (const token of tokens) {
    if (token.type === 'html' && !token.block) {
      if (/^<script\b/i.test(token.text as string) && !/<\/script\s*>/i.test(token.text as string)) inScript = true;
      else if (/^<\/script\s*>/i.test(token.text as string)) inScript = false;
    } else if (inScript) {
      Object.assign(token, { type: 'text', raw: '', text: '', tokens: undefined });
    } else if (Array.isArray(token.tokens)) {
      blankInlineScripts(token.tokens as Token[]);
    }
  }
}

/** The URL as marked writes it into an attribute. */
function cleanUrl(href: string): string {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return href;
  }
}

function headingId(token: Token, slugger: Slugger, file: string, diagnostics: DiagnosticList): string {
  const last = (token.tokens as Token[]).at(-1);
  const attributes = last?.type === 'text' ? HEADING_ATTRIBUTES.exec(last.text as string) : null;
  if (attributes && last) {
    last.text = (last.text as string).slice(0, attributes.index);
    last.raw = last.text as string;
    const wanted = /#([\w-]+)/.exec(attributes[1])?.[1];
    if (wanted) {
      if (slugger.claim(wanted)) return wanted;
      diagnostics.warn('duplicate-heading-id', file, `heading id "${wanted}" is used twice in this article; gave this heading another id.`, token.line);
    }
  }
  return slugger.slug(plainText(token.tokens as Token[]));
}

function reportTemplateSyntax(token: Token, file: string, diagnostics: DiagnosticList): void {
  const raw = token.raw ?? '';
  for (const match of raw.matchAll(TEMPLATE_SYNTAX)) {
    const line = (token.line ?? 0) + (raw.slice(0, match.index).match(/\n/g)?.length ?? 0);
    const shown = match[0].length > 40 ? `${match[0].slice(0, 37)}...` : match[0];
    diagnostics.warn('template-syntax', file, `template syntax ${JSON.stringify(shown)} is not Markdown; it is shown as written. Put it in \`code\` if that is meant.`, line);
  }
}

/**
 * Numbers footnotes in the order they are first referenced, takes their definitions out of
 * the body, and reports references without a note and notes nobody references.
 */
function collectFootnotes(tokens: Token[], file: string, diagnostics: DiagnosticList): FootnotesToken {
  const defs = new Map<string, FootnoteDefToken>();
  const remove = (list: Token[]) => {
    for (let i = list.length - 1; i >= 0; i--) {
      const token = list[i];
      if (token.type === 'footnoteDef') {
        if (!defs.has(token.label as string)) defs.set(token.label as string, token as FootnoteDefToken);
        list.splice(i, 1);
      } else if (Array.isArray(token.tokens)) remove(token.tokens as Token[]);
    }
  };
  remove(tokens);
  const notes: FootnotesToken['notes'] = [];
  const byLabel = new Map<string, FootnotesToken['notes'][number]>();
  walkTokens(tokens, (token) => {
    if (token.type !== 'footnoteRef') return;
    const ref = token as FootnoteRefToken & Token;
    const def = defs.get(ref.label);
    if (!def) {
      diagnostics.warn('missing-footnote', file, `footnote [^${ref.label}] has no definition "[^${ref.label}]: ..."`, token.line);
      return;
    }
    let note = byLabel.get(ref.label);
    if (!note) {
      note = { label: ref.label, number: notes.length + 1, references: 0, tokens: def.tokens };
      notes.push(note);
      byLabel.set(ref.label, note);
    }
    note.references++;
    ref.number = note.number;
    ref.occurrence = note.references;
  });
  for (const [label, def] of defs) {
    if (!byLabel.has(label)) diagnostics.info('unused-footnote', file, `footnote [^${label}] is never referenced; it is not shown.`, (def as Token).line);
  }
  return { type: 'footnotes', raw: '', notes };
}

/**
 * One section per heading of the two outermost heading levels the article uses (h2 and h3 in
 * most articles; h4 and h5 in pages that start deeper), each with the chain of enclosing
 * headings; deeper headings stay inside their section. Text before the first heading is the
 * top section (`id: ''`).
 */
function splitSections(tokens: Token[]): IndexableSection[] {
  const depths = [...new Set(tokens.filter((t) => t.type === 'heading').map((t) => t.depth as number))].sort((a, b) => a - b);
  const splitAt = new Set(depths.slice(0, 2));
  const sections: IndexableSection[] = [{ id: '', heading: '', level: 1, parents: [], text: '' }];
  const parts: string[][] = [[]];
  const stack: { depth: number; text: string }[] = [];
  for (const token of tokens) {
    if (token.type === 'heading') {
      const depth = token.depth as number;
      const text = plainText(token.tokens as Token[]);
      while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
      if (splitAt.has(depth)) {
        sections.push({ id: token.id as string, heading: text, level: depth, parents: stack.map((h) => h.text), text: '' });
        parts.push([]);
      } else {
        parts[parts.length - 1].push(text);
      }
      stack.push({ depth, text });
    } else {
      const text = plainText([token]);
      if (text) parts[parts.length - 1].push(text);
    }
  }
  sections.forEach((section, i) => (section.text = parts[i].join('\n')));
  return sections;
}

/** The first paragraph outside callouts, tabs and lists; failing that, the first anywhere. */
function firstParagraph(tokens: Token[]): string {
  for (const token of tokens) {
    const paragraph = token.type === 'paragraph' ? token : token.type === 'blockquote' ? (token.tokens as Token[]).find((t) => t.type === 'paragraph') : undefined;
    const text = paragraph ? plainText([paragraph]) : '';
    if (text) return text;
  }
  let found = '';
  walkTokens(tokens, (token) => {
    if (!found && token.type === 'paragraph') found = plainText([token]);
  });
  return found;
}

