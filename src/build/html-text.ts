/** HTML text helpers for the build (Node has no DOM): core's, so both escape alike. */
export { decodeEntities, htmlToText } from '../core/html-text';
export { escapeHtml } from '../core/search/highlight';
