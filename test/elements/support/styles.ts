/**
 * The text of every `@media (forced-colors: active)` rule an element's shadow root uses.
 * (The headless Chromium of the tests cannot emulate forced colors: matchMedia stays false
 * under emulateMedia({ forcedColors: 'active' }), so tests check the rules themselves.)
 */
export function forcedColorRules(el: Element): string {
  return el
    .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
    .filter((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active'))
    .map((rule) => rule.cssText)
    .join('\n');
}
