/**
 * Markdown to HTML for one article, in two steps, because links can only be resolved once
 * every article is known: `prepare` lexes (GFM plus our extensions), takes the title, gives
 * headings stable ids and cuts the text into sections; `render` writes the HTML with links
 * and images already resolved by the caller.
 */
import { Marked, type Tokens } from 'marked';
import type { ArticleHeading, IndexableSection } from '../core/types';
import type { DiagnosticList } from './diagnostics';
import { filterHtml } from './html-filter';
import { escapeHtml } from './html-text';
import { markdownExtensions, type FootnoteDefToken, type FootnoteRefToken, type FootnotesToken } from './markdown-extensions';
import { Slugger } from './slug';
import { annotateLines, plainText, walkTokens, type Token } from './tokens';

/** A link or image found in the Markdown, for the caller to resolve. */
export interface UrlReference {
  kind: 'link' | 'image';
  href: string;
  line: number;
  token: Token;
}

export interface PreparedMarkdown {
  tokens: Token[];
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

export interface RenderHooks {
  /** Rewrites URLs of raw HTML tags (`<a href>`, `<img src>`); gets the tag's source line. */
  rawUrl?: (tag: string, attribute: string, value: string, line: number) => string | null | undefined;
  /** Called for each script or event handler taken out of raw HTML. */
  removed?: (what: string, line: number) => void;
}

const TEMPLATE_SYNTAX = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const HEADING_ATTRIBUTES = /\s*\{:?\s*((?:[#.][\w-]+\s*|[\w-]+=(?:"[^"]*"|\S+)\s*)+)\}\s*$/;

export class MarkdownEngine {
  private readonly marked: Marked;
  private hooks: RenderHooks = {};

  constructor(locale = 'en') {
    const engine = this;
    this.marked = new Marked({ gfm: true }, markdownExtensions(locale), {
      extensions: [
        { name: 'unlinked', level: 'inline', renderer(token) { return this.parser.parseInline(token.tokens ?? []); } },
        { name: 'missingImage', level: 'inline', renderer(token) { return escapeHtml(token.text as string); } },
      ],
      renderer: {
        heading(token) {
          const id = (token as Token).id as string | undefined;
          return `<h${token.depth}${id ? ` id="${escapeHtml(id)}"` : ''}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
        },
        html(token) {
          const line = (token as Token).line ?? 0;
          const rawUrl = engine.hooks.rawUrl;
          const result = filterHtml(token.text, rawUrl ? (tag, attribute, value) => rawUrl(tag, attribute, value, line) : undefined);
          for (const part of result.removed) engine.hooks.removed?.(part.what, line);
          return result.html;
        },
      },
    });
  }

  prepare(body: string, bodyLine: number, file: string, diagnostics: DiagnosticList): PreparedMarkdown {
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
      } else if (token.type === 'link' || token.type === 'image') {
        urls.push({ kind: token.type, href: token.href as string, line: token.line ?? bodyLine, token });
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

    return {
      tokens,
      title,
      headings: tokens.filter((t) => t.type === 'heading').map((t) => ({ id: t.id as string, text: plainText(t.tokens as Token[]), level: t.depth as number })),
      sections: splitSections(tokens),
      firstParagraph: firstParagraph(tokens),
      anchors,
      urls,
    };
  }

  render(prepared: PreparedMarkdown, hooks: RenderHooks = {}): string {
    this.hooks = hooks;
    try {
      const html = this.marked.parser(prepared.tokens as unknown as Tokens.Generic[] as never) as string;
      // Scripts may span several inline tokens (`<script>` text `</script>`): a last pass over
      // the whole article takes out anything the per-token pass could not see whole.
      return filterHtml(html).html;
    } finally {
      this.hooks = {};
    }
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

