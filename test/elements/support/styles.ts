import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

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

/** Checks that an element with `theme="auto"` takes the dark and the light surface from the system. */
export async function expectFollowsSystemScheme(el: Element): Promise<void> {
  try {
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 27, 34)');
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
  } finally {
    await emulateMedia({ colorScheme: 'light' });
  }
}
