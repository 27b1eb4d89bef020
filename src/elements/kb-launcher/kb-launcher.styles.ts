/**
 * Styles of `<kb-launcher>` (the button only; the panel has its own, loaded with it). A plain
 * string, not Lit's `css`: the launcher is plain DOM so the page pays a few KiB for it before
 * help is opened (written compact: the minifier does not touch strings). Theme values match shared/tokens.styles.ts (same `--kb-*` properties).
 */
export const launcherCss = `
:host{--_accent:var(--kb-accent,var(--_t-accent,#1a5fc8));--_on-accent:var(--kb-accent-contrast,var(--_t-on-accent,#fff));--_gap:var(--kb-launcher-offset,20px);position:fixed;z-index:var(--kb-launcher-z-index,2147483000);inset:auto var(--_gap) var(--_gap) auto;color-scheme:var(--_t-scheme,light);font-family:var(--kb-font,inherit)}
:host([theme=dark]){--_t-accent:#8ab8ff;--_t-on-accent:#0b1526;--_t-surface:#161b22;--_t-text:#e6edf3;--_t-scheme:dark}
@media (prefers-color-scheme:dark){:host([theme=auto]){--_t-accent:#8ab8ff;--_t-on-accent:#0b1526;--_t-surface:#161b22;--_t-text:#e6edf3;--_t-scheme:dark}}
:host([position$=left]){right:auto;left:var(--_gap)}
:host([position^=top]){bottom:auto;top:var(--_gap)}
:host([duplicate]),[hidden]{display:none !important}
button{font:inherit;cursor:pointer}
:focus-visible{outline:2px solid var(--kb-focus-color,var(--_accent));outline-offset:2px}
.launch{display:flex;align-items:center;gap:.5rem;min-height:3rem;padding:0 1.25rem 0 .875rem;border:0;border-radius:99px;background:var(--_accent);color:var(--_on-accent);font-weight:600;font-size:.9375rem;box-shadow:0 4px 14px rgb(0 0 0 / .22),0 1px 3px rgb(0 0 0 / .16);transition:transform .15s}
.launch:hover{transform:translateY(-1px)}
.launch i{display:grid;place-items:center;width:1.375rem;height:1.375rem;border:2px solid;border-radius:50%;font:700 .875rem/1 system-ui,sans-serif}
:host([open]) .launch{visibility:hidden}
.alert{position:absolute;bottom:60px;right:0;width:260px;padding:12px 16px;border-radius:8px;background:var(--kb-surface,var(--_t-surface,#fff));color:var(--kb-text,var(--_t-text,#1b2330));box-shadow:0 6px 24px rgb(0 0 0 / .2)}
:host([position$=left]) .alert{right:auto;left:0}
:host([position^=top]) .alert{bottom:auto;top:60px}
.alert p{margin:0 0 8px}
.alert button{padding:6px 12px;border:1px solid currentColor;border-radius:6px;background:none;color:inherit}
@media (max-width:600px){.launch{padding:0;width:3.25rem;height:3.25rem;justify-content:center}.launch span{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}}
@media (forced-colors:active){.launch,.alert{border:1px solid CanvasText}}
@media (prefers-reduced-motion:reduce){.launch{transition:none}}
`;
