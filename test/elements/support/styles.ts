import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

/**
 * The text of every `@media (forced-colors: active)` rule an element's shadow root uses.
 * (To see forced colors at work, emulate them: `emulateForcedColors` in support/ax.ts;
 * @web/test-runner-commands' emulateMedia does not pass `forcedColors` on to Chromium.)
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

/** WCAG contrast ratio of two computed colours (`rgb(…)`, `rgba(…)`, `color(srgb …)`; alpha ignored). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const scale = color.startsWith('color(srgb') ? 1 : 255;
    const [r, g, b] = color
      .replace('color(srgb', '')
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / scale;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
