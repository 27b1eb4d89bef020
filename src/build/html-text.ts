/** Small HTML text helpers for the build (Node has no DOM). Decoding is core's. */
export { decodeEntities, htmlToText } from '../core/html-text';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
