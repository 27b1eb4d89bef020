import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { KbSource } from './kb-source';
import type { KbStrings } from './strings';
import { format } from './strings';

/**
 * The loading, error and empty states every element shows: real UI, never a blank box.
 * Styles: add `stateStyles` (state-view.styles.ts) to the element's `styles`.
 * Parts (permanent API, list them as `@csspart` in the element): `state` on each state box,
 * `retry` on the retry button.
 *
 * ```ts
 * render() {
 *   const kb = this.source.knowledgeBase;
 *   if (!kb) return renderSourceState(this.source, this.i18n.t);
 *   if (!items.length) return renderEmpty(t.noArticles);
 *   ...
 * }
 * ```
 */

/** A live "Loading help…" box with a spinner that only appears if the load takes a moment. */
export function renderLoading(t: KbStrings): TemplateResult {
  return html`<div class="kb-state kb-state--loading" part="state" role="status" tabindex="-1">
    <span class="kb-spinner" aria-hidden="true"></span><span>${t.loading}</span>
  </div>`;
}

/** The user-facing sentence for a load failure (a `KbError`, or anything else). */
export function errorMessage(t: KbStrings, error: unknown): string {
  const { kind, status } = (error ?? {}) as { kind?: string; status?: number };
  switch (kind) {
    case 'network':
      return t.errorNetwork;
    case 'http':
      return format(t.errorHttp, { status: status ?? '' });
    case 'timeout':
      return t.errorTimeout;
    case 'format':
    case 'version':
      return t.errorFormat;
    default:
      return t.errorUnknown;
  }
}

/**
 * An alert with what went wrong and a "Try again" button calling `onRetry`. The technical
 * message (`error.message`) goes to the `title` of the box for support staff, not the text.
 */
export function renderError(t: KbStrings, error: unknown, onRetry: () => void, title = t.errorTitle): TemplateResult {
  const detail = error instanceof Error ? error.message : undefined;
  return html`<div class="kb-state kb-state--error" part="state" role="alert" title=${detail ?? nothing}>
    <p class="kb-state__title">${title}</p>
    <p class="kb-state__detail">${errorMessage(t, error)}</p>
    <button type="button" class="button" part="retry" @click=${(e: Event) => retryKeepingFocus(e, onRetry)}>${t.retry}</button>
  </div>`;
}

/** What takes focus after a retry, in order: "Try again" (it failed again), a title, the first control. */
const AFTER_RETRY = [
  '[part~="retry"]',
  'h1[tabindex]',
  '[part~="heading"][tabindex]',
  'input, button:not([disabled]), a[href], [tabindex="0"]',
];

/**
 * "Try again" goes away when pressed (a loading box, then the content or the error again
 * replace it). If it had focus, focus stays in the element: on the loading box meanwhile, then
 * on "Try again" or on the first thing of what was loaded.
 */
function retryKeepingFocus(event: Event, onRetry: () => void): void {
  const button = event.currentTarget as HTMLElement;
  const root = button.getRootNode() as ShadowRoot;
  const host = root.host as HTMLElement & ReactiveControllerHost;
  const hadFocus = root.activeElement === button;
  onRetry();
  if (!hadFocus || !host?.addController) return;
  const keeper: ReactiveController = {
    hostUpdated: () => {
      if (root.activeElement && root.activeElement !== button) return host.removeController(keeper);
      const loading = root.querySelector<HTMLElement>('.kb-state--loading');
      if (loading) return loading.focus();
      const next = AFTER_RETRY.map((selector) => root.querySelector<HTMLElement>(selector)).find((found) => found);
      next?.focus();
      host.removeController(keeper);
    },
  };
  host.addController(keeper);
}

/** A quiet "nothing here" box; `extra` renders below the message (links, suggestions). */
export function renderEmpty(message: unknown, extra: unknown = nothing): TemplateResult {
  return html`<div class="kb-state kb-state--empty" part="state">
    <p class="kb-state__title">${message}</p>
    ${extra}
  </div>`;
}

/**
 * The state of a {@link KbSource} that is not ready: loading box, error box with retry, or
 * `nothing` while idle (no `src` nor `knowledgeBase` yet). Call it when `knowledgeBase` is unset.
 */
export function renderSourceState(source: KbSource, t: KbStrings): TemplateResult | typeof nothing {
  switch (source.state) {
    case 'loading':
      return renderLoading(t);
    case 'error':
      return renderError(t, source.error, () => source.retry());
    default:
      return nothing;
  }
}
