/**
 * The few strings the launcher button needs before the help elements are loaded. A copy of
 * the same keys in shared/strings.ts, kept here because the button must cost a few KiB and
 * the full table is larger than the button itself. test/elements/kb-launcher.test.ts fails if
 * the two ever disagree. Everything shown once help is loaded uses shared/strings.ts.
 */
export interface LauncherStrings {
  helpTitle: string;
  openHelp: string;
  errorTitle: string;
  retry: string;
}

export const launcherStrings: Record<'en' | 'de' | 'nl', LauncherStrings> = {
  en: {
    helpTitle: 'Help',
    openHelp: 'Open help',
    errorTitle: 'Help could not be loaded.',
    retry: 'Try again',
  },
  de: {
    helpTitle: 'Hilfe',
    openHelp: 'Hilfe öffnen',
    errorTitle: 'Die Hilfe konnte nicht geladen werden.',
    retry: 'Erneut versuchen',
  },
  nl: {
    helpTitle: 'Help',
    openHelp: 'Help openen',
    errorTitle: 'De help kon niet worden geladen.',
    retry: 'Opnieuw proberen',
  },
};

/**
 * The strings for the language `el` is in (its nearest `lang`: `de-CH` → German), English when
 * there are none, with the language they are in (all of them are written left to right).
 */
export function launcherStringsFor(el: Element): LauncherStrings & { lang: string } {
  let code = (el.closest('[lang]')?.getAttribute('lang') || 'en').toLowerCase().split('-')[0]!;
  if (!(code in launcherStrings)) code = 'en';
  return { ...launcherStrings[code as 'en'], lang: code };
}
