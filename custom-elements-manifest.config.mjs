export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.test.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new KbFooEvent(arg))`, naming them
      // after the first argument; the documented ones are the `@fires` tags.
      name: 'kb-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer's module order varies from run to run; a fixed order keeps the check stable.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
          }
        }
      },
    },
  ],
};
