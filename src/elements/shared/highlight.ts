import { html, type TemplateResult } from 'lit';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => entities[e] ?? e);
}

/**
 * Renders core's highlighted text (`SearchHit.titleHtml` / `snippetHtml`: HTML-escaped text
 * with matched terms in `<mark>…</mark>`) as Lit text nodes and `<mark>` elements. No HTML
 * parser is involved: everything except the exact `<mark>` / `</mark>` tags becomes text, so
 * even a string that was not escaped cannot inject markup.
 */
export function renderHighlighted(escaped: string): TemplateResult[] {
  const out: TemplateResult[] = [];
  let inMark = false;
  for (const piece of escaped.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) out.push(inMark ? html`<mark>${unescape(piece)}</mark>` : html`${unescape(piece)}`);
  }
  return out;
}
