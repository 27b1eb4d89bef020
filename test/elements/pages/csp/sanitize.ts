// Page script of sanitize.html: sanitizes markup that hides inline styles behind comments,
// raw-text elements and foreign content, and shows the result. Under the page's strict CSP
// nothing may be reported. `window.controlParse()` parses a style attribute with DOMParser
// directly, to show that this browser does report such a parse (so silence means something).
import { sanitizeHtml } from '../../../../src/elements/shared/sanitize';
import { STYLE_HIDING_MARKUP } from '../../support/style-hiding-markup';

const win = window as Window & { sanitized?: boolean; controlParse?: () => void };
for (const html of STYLE_HIDING_MARKUP) {
  const box = document.createElement('div');
  box.append(sanitizeHtml(html));
  document.body.append(box);
}
win.controlParse = () => void new DOMParser().parseFromString('<p style="color:red">control</p>', 'text/html');
win.sanitized = true;
