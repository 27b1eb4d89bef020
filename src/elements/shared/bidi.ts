import { html, noChange, nothing, type ElementPart, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { textDirection } from './direction';

/**
 * Mixed-direction text: pieces that come from elsewhere (a date, a count, a query, a title)
 * inside a sentence of the interface are isolated, so neither reorders the other ("Updated
 * 2 Oct 2026" stays in that order in a right-to-left page, an Arabic title stays whole in an
 * English list).
 */

/**
 * A string-table sentence with its `{name}` placeholders filled and each value in a `<bdi>`:
 * `isolatedFormat('Updated {date}', { date })`. Values may be templates (a `<time>`).
 */
export function isolatedFormat(template: string, values: Record<string, string | number | TemplateResult>): (string | TemplateResult)[] {
  return template.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && Object.hasOwn(values, name) ? html`<bdi>${values[name]}</bdi>` : piece;
  });
}

/**
 * Text from the content (a title, a heading) in the language it is written in: `lang` and
 * `dir` of that language, which also isolates it. Unknown language: `<bdi>` (direction from
 * its first letters).
 */
export function inLanguage(text: unknown, lang: string | undefined): TemplateResult {
  return lang ? html`<span lang=${lang} dir=${textDirection(lang)}>${text}</span>` : html`<bdi>${text}</bdi>`;
}

class LanguageDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('language() goes on an element, inside its tag (not in its text or an attribute value)');
  }

  render(_lang: string | undefined) {
    return nothing;
  }

  override update(part: ElementPart, [lang]: [string | undefined]) {
    const el = part.element;
    if (!lang) {
      el.removeAttribute('lang');
      el.removeAttribute('dir');
    } else if (el.getAttribute('lang') !== lang) {
      el.setAttribute('lang', lang);
      el.setAttribute('dir', textDirection(lang));
    }
    return noChange;
  }
}

/**
 * `<li ${language(lang)}>`: the element is in `lang`, with that language's `dir` (which also
 * isolates it). An entry of content (a search result, a list item, a title) takes its
 * article's language this way, so it reads and aligns as written; an unknown language leaves
 * the element as it is.
 */
export const language = directive(LanguageDirective);

/** The language an article (or, without one, anything else of the knowledge base) is written in. */
export function contentLanguage(kb: { meta: { locale?: string } }, article?: { lang?: string }): string | undefined {
  return article?.lang || kb.meta.locale || undefined;
}
