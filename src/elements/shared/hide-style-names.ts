/**
 * Keeps inline styles away from the browser's HTML parser, so a page with a strict CSP
 * (`style-src 'self'`) records no violation for styles an article carries.
 *
 * Chromium checks the CSP, and reports a violation, as soon as it *parses* a `style`
 * attribute or a `<style>` element, even into an inert document (DOMParser, `<template>`,
 * `createHTMLDocument`: all tried). The sanitizer drops both anyway; they only must never be
 * parsed as such. So before parsing, the `t` of every "style" (in any case) becomes a
 * private-use character (`<style>` stays a tag, of another name): no attribute or element named `style` can then exist
 * in the parse, whatever the markup's comments, raw-text elements or quoting, because nothing
 * here reads markup at all. The sanitizer removes the renamed attributes and elements (they
 * are on no allow-list) and restores the letters in the text and attribute values it keeps.
 */
const HIDE = /(?<=[sS])[tT](?=[yY][lL][eE])/g;
const HIDDEN = /(?<=[sS])[\uE001\uE002](?=[yY][lL][eE])/g;
const HIDDEN_STYLE_ELEMENT = /^s[\uE001\uE002]yle$/;

/** The HTML with every "style" renamed (undone by `restoreStyleNames`). */
export function hideStyleNames(html: string): string {
  return /style/i.test(html) ? html.replace(HIDE, (t) => (t === 't' ? '\uE001' : '\uE002')) : html;
}

/** Text or an attribute value as it was before `hideStyleNames`. */
export function restoreStyleNames(text: string): string {
  return /[\uE001\uE002]/.test(text) ? text.replace(HIDDEN, (c) => (c === '\uE001' ? 't' : 'T')) : text;
}

/** A `<style>` element (lower-case tag name), renamed: it goes with its content, as `<style>` would. */
export const isHiddenStyleElement = (tag: string) => HIDDEN_STYLE_ELEMENT.test(tag);
