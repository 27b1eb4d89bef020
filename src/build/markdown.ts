/**
 * Markdown to HTML for one article, in two steps, because links can only be resolved once
 * every article is known: `prepare` lexes (GFM plus our extensions), takes the title, gives
 * headings stable ids and cuts the text into sections; `render` writes the HTML with links
 * and images already resolved by the caller.
 */
import { randomBytes } from 'node:crypto';
import { Marked, type Tokens } from 'marked';
import type { ArticleHeading, IndexableSection } from '../core/types';
import { isUnsafeUrlInMarkup, mediaUrlProblem, PUBLISHED_MEDIA_SCOPE } from '../core/sanitize-policy';
import { clipped, type DiagnosticList } from './diagnostics';
import { sanitizeArticleHtml } from './html-sanitizer';
import { ContentLimitError, markdownNestingProblem } from './limits';
import { decodeEntities, escapeHtml } from './html-text';
import {
  DocumentLexer,
  markdownExtensions,
  type FootnoteDefToken,
  type FootnoteRefToken,
  type FootnotesToken,
} from './markdown-extensions';
import { RawHtmlSources } from './raw-html-sources';
import { isReservedId, Slugger } from './slug';
import { annotateLines, plainText, walkTokens, type Token } from './tokens';

/** A link or image found in the Markdown (or in raw HTML), for the caller to resolve. */
export interface UrlReference {
  kind: 'link' | 'image';
  href: string;
  line: number;
  /** Found in a raw HTML tag rather than in Markdown. */
  raw: boolean;
  /** A scheme the elements never follow (`javascript:`): reported already, always dropped. */
  unsafe?: boolean;
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

/**
 * What to do with a URL: use `href`, drop the link or image and keep its text, or leave it
 * (undefined). A raw HTML URL that cannot be resolved stays as the author wrote it, unless
 * it is `refused` (it points outside the content folder, or at a file that is not published).
 */
export type UrlResolution = { href: string } | { drop: true; refused?: boolean } | undefined;

/** `{#id .class key=value}`, MkDocs attribute lists; items separated by spaces, so matching cannot backtrack far. */
const HEADING_ATTRIBUTES =
  /^\{:?\s*((?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|[^\s"}]+))(?:\s+(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|[^\s"}]+)))*)\s*\}\s*$/;
/** An attribute list longer than this is text. */
const MAX_HEADING_ATTRIBUTES = 256;

const ABSOLUTE_URL = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;
/** Removals from one article's raw HTML reported one by one; the rest are counted. */
const REPORTED_REMOVALS = 20;

export class MarkdownEngine {
  private readonly marked: Marked;
  private readonly nonce = randomBytes(6).toString('hex');
  private readonly markers: RegExp;
  /** While converting: the raw HTML pieces of the article, in order. */
  private raw?: RawHtmlSources;

  constructor(locale = 'en') {
    const keepRaw = (line: number, text: string) => this.raw?.add(line, text);
    const marker = `kb-url-(\\d+)-${this.nonce}`;
    this.markers = new RegExp(`<a href="${marker}"[^>]*>([\\s\\S]*?)</a>|<img src="${marker}"[^>]*>|${marker}`, 'g');
    this.marked = new Marked({ gfm: true }, markdownExtensions(locale), {
      renderer: {
        heading(token) {
          const id = (token as Token).id as string | undefined;
          return `<h${token.depth}${id ? ` id="${escapeHtml(id)}"` : ''}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`;
        },
        html(token) {
          // Kept as written: the whole article is sanitized once it is written (`convert`).
          keepRaw((token as Token).line ?? 0, token.text);
          return token.text;
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
    const tooDeep = markdownNestingProblem(source);
    if (tooDeep) throw new ContentLimitError(tooDeep.message, bodyLine + tooDeep.line - 1);
    const tokens = this.lex(source);
    annotateLines(tokens, source, bodyLine);

    let title: string | undefined;
    const first = tokens.findIndex(
      (token) => token.type !== 'space' && !(token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw)),
    );
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
      } else if ((token.type === 'link' || token.type === 'image') && isUnsafeUrlInMarkup(token.href as string)) {
        const line = token.line ?? bodyLine;
        const shown = token.type === 'image' ? 'its alt text is shown instead' : 'the link is shown as text';
        diagnostics.warn(
          'unsafe-url',
          file,
          `${token.type} to "${clipped(token.href as string, 60)}": not a web address the elements follow (only http:, https:, mailto:, tel: and relative ones); ${shown}.`,
          line,
        );
        token.href = this.marker(urls, { kind: token.type, href: token.href as string, line, raw: false, unsafe: true });
      } else if (
        token.type === 'image' &&
        ABSOLUTE_URL.test((token.href as string).trim()) &&
        mediaUrlProblem(token.href as string, PUBLISHED_MEDIA_SCOPE)
      ) {
        // A path from the site's root: the elements would not load it (the policy's media rule).
        const line = token.line ?? bodyLine;
        diagnostics.warn(
          'media-outside',
          file,
          `image "${clipped(token.href as string, 60)}": a path from the site's root is outside the bundle, and images load only from the bundle's own files (write the path relative to the article: the build publishes the file) or from another site (a full https: URL); its alt text is shown instead.`,
          line,
        );
        token.href = this.marker(urls, { kind: 'image', href: token.href as string, line, raw: false, unsafe: true });
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

    this.raw = new RawHtmlSources();
    let html: string;
    try {
      html = this.marked.parser(tokens as unknown as Tokens.Generic[] as never) as string;
      if (!this.raw.empty) html = this.sanitize(html, urls, file, diagnostics);
    } finally {
      this.raw = undefined;
    }
    return {
      html,
      title,
      headings: tokens
        .filter((t) => t.type === 'heading')
        .map((t) => ({ id: t.id as string, text: plainText(t.tokens as Token[]), level: t.depth as number })),
      sections: splitSections(tokens),
      firstParagraph: firstParagraph(tokens),
      anchors,
      urls,
    };
  }

  /** Plain text of a short piece of Markdown (an excerpt written in front matter). */
  plain(markdown: string): string {
    return plainText(this.lex(markdown)).replace(/\s+/g, ' ');
  }

  private lex(markdown: string): Token[] {
    return new DocumentLexer(this.marked.defaults).lex(markdown) as unknown as Token[];
  }

  /**
   * The whole article's HTML through the elements' sanitizer (only articles with raw HTML:
   * what marked writes from Markdown is escaped). Relative raw `<a href>`/`<img src>` get URL
   * markers like Markdown links; every removal is reported on the line it was written.
   */
  private sanitize(html: string, urls: UrlReference[], file: string, diagnostics: DiagnosticList): string {
    const raw = this.raw!;
    const isMarker = new RegExp(`^kb-url-\\d+-${this.nonce}$`);
    const result = sanitizeArticleHtml(html, (kind, href) =>
      isMarker.test(href) ? undefined : this.marker(urls, { kind, href, line: raw.lineOf(href.toLowerCase()) ?? raw.firstLine, raw: true }),
    );
    const reported = new Set<string>();
    for (const removal of result.removals.slice(0, REPORTED_REMOVALS)) {
      const line = raw.lineOfAny(removal.needles) ?? raw.firstLine;
      const message = `removed ${removal.what} from the raw HTML: the bundle never carries what the elements would not show.`;
      if (reported.has(`${line} ${message}`)) continue;
      reported.add(`${line} ${message}`);
      diagnostics.add(removal.minor ? 'info' : 'warning', 'unsafe-html', file, message, line);
    }
    const more = result.removals.length - REPORTED_REMOVALS;
    if (more > 0) diagnostics.warn('unsafe-html', file, `removed ${more} more part(s) from the raw HTML.`, raw.firstLine);
    return result.html;
  }

  /** The final HTML: each URL marker replaced by what `resolve` decides for it. */
  finish(converted: ConvertedMarkdown, resolve: (url: UrlReference) => UrlResolution): string {
    if (converted.urls.length === 0) return converted.html;
    const decisions = converted.urls.map((url): UrlResolution => {
      if (url.unsafe) return { drop: true };
      const decision = resolve(url);
      // Raw HTML is the author's own: a URL that cannot be resolved stays as written, unless refused.
      return url.raw && decision && 'drop' in decision && !decision.refused ? undefined : decision;
    });
    const hrefOf = (index: number) => {
      const decision = decisions[index];
      return escapeHtml(decision && 'href' in decision ? decision.href : cleanUrl(converted.urls[index].href));
    };
    const replace = (html: string): string =>
      html.replace(this.markers, (whole, link?: string, text?: string, image?: string, other?: string) => {
        const index = Number(link ?? image ?? other);
        const drop = Boolean(decisions[index] && 'drop' in decisions[index]!);
        const marker = `kb-url-${index}-${this.nonce}`;
        if (link !== undefined) {
          if (drop) return replace(text!);
          const open = whole.slice(0, whole.length - text!.length - '</a>'.length);
          return `${open.replace(marker, hrefOf(index))}${replace(text!)}</a>`;
        }
        // The alt text of a dropped image, as text (attribute values may hold `<` and `>`).
        if (image !== undefined)
          return drop ? escapeHtml(decodeEntities(/\salt="([^"]*)"/.exec(whole)?.[1] ?? '')) : whole.replace(marker, hrefOf(index));
        return hrefOf(index);
      });
    return replace(converted.html);
  }
}

/**
 * An inline `<script>` arrives as three tokens (`<script>`, its text, `</script>`): blank the
 * text between them, so the script's source never shows up in the search text (the sanitizer
 * removes the script when the HTML is written).
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
  const attributes = last?.type === 'text' ? headingAttributes(last.text as string) : undefined;
  if (attributes && last) {
    last.text = (last.text as string).slice(0, attributes.index);
    last.raw = last.text as string;
    const wanted = /#([\w-]+)/.exec(attributes.list)?.[1];
    if (wanted && isReservedId(wanted)) {
      diagnostics.warn(
        'reserved-id',
        file,
        `heading id "${wanted}": ids starting with "kb-" belong to the elements' own parts; gave this heading another id.`,
        token.line,
      );
    } else if (wanted) {
      if (slugger.claim(wanted)) return wanted;
      diagnostics.warn(
        'duplicate-heading-id',
        file,
        `heading id "${wanted}" is used twice in this article; gave this heading another id.`,
        token.line,
      );
    }
  }
  return slugger.slug(plainText(token.tokens as Token[]));
}

/** The attribute list at the end of a heading's text: where it starts (with the space before it) and its items. */
function headingAttributes(text: string): { index: number; list: string } | undefined {
  const open = text.lastIndexOf('{');
  if (open < 0 || text.length - open > MAX_HEADING_ATTRIBUTES) return undefined;
  const match = HEADING_ATTRIBUTES.exec(text.slice(open));
  if (!match) return undefined;
  let index = open;
  while (index > 0 && /\s/.test(text[index - 1])) index--;
  return { index, list: match[1] };
}

/**
 * `{{ ... }}` and `{% ... %}`, each with its line. One pass: an opening without its close ends
 * the search for that kind (a lazy regular expression would rescan the rest from every `{{`).
 */
function reportTemplateSyntax(token: Token, file: string, diagnostics: DiagnosticList): void {
  const raw = token.raw ?? '';
  const pairs: [open: string, close: string][] = [
    ['{{', '}}'],
    ['{%', '%}'],
  ];
  let line = token.line ?? 0;
  let counted = 0;
  for (let at = 0; pairs.length;) {
    const found = pairs.map(([open, close]) => ({ open: raw.indexOf(open, at), close }));
    const next = found.reduce((a, b) => (b.open >= 0 && (a.open < 0 || b.open < a.open) ? b : a));
    if (next.open < 0) break;
    const end = raw.indexOf(next.close, next.open + 2);
    if (end < 0) {
      pairs.splice(found.indexOf(next), 1);
      continue;
    }
    for (let i = raw.indexOf('\n', counted); i >= 0 && i < next.open; i = raw.indexOf('\n', i + 1)) line++;
    counted = next.open;
    const text = raw.slice(next.open, end + 2);
    diagnostics.warn(
      'template-syntax',
      file,
      `template syntax ${JSON.stringify(clipped(text, 40))} is not Markdown; it is shown as written. Put it in \`code\` if that is meant.`,
      line,
    );
    at = end + 2;
  }
}

/**
 * Numbers footnotes in the order they are first referenced, takes their definitions out of
 * the body, and reports references without a note and notes nobody references.
 */
function collectFootnotes(tokens: Token[], file: string, diagnostics: DiagnosticList): FootnotesToken {
  const defs = new Map<string, FootnoteDefToken>();
  const remove = (list: Token[]) => {
    let kept = 0;
    for (const token of list) {
      if (token.type === 'footnoteDef') {
        if (!defs.has(token.label as string)) defs.set(token.label as string, token as FootnoteDefToken);
        continue;
      }
      if (Array.isArray(token.tokens)) remove(token.tokens as Token[]);
      list[kept++] = token;
    }
    list.length = kept;
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
    if (!byLabel.has(label))
      diagnostics.info('unused-footnote', file, `footnote [^${label}] is never referenced; it is not shown.`, (def as Token).line);
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
    const paragraph =
      token.type === 'paragraph'
        ? token
        : token.type === 'blockquote'
          ? (token.tokens as Token[]).find((t) => t.type === 'paragraph')
          : undefined;
    const text = paragraph ? plainText([paragraph]) : '';
    if (text) return text;
  }
  let found = '';
  walkTokens(tokens, (token) => {
    if (!found && token.type === 'paragraph') found = plainText([token]);
  });
  return found;
}
