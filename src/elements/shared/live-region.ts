import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * The one polite live region of an element: what its actions change out of sight (a result
 * count, "Thank you for your feedback", "Copied") is announced there. The region is rendered
 * in every state of the element (render it with {@link LiveRegion.render}), so it exists
 * before anything is said in it, which screen readers need to notice a change.
 *
 * ```ts
 * #live = new LiveRegion(this);
 * render() { return html`…${this.#live.render()}`; }
 * this.#live.announce(t.copied);
 * ```
 */
export class LiveRegion implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The region (a `kb-`-prefixed class: it may share a shadow root with article HTML). */
  render(): TemplateResult {
    return html`<div class="kb-live visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>`;
  }

  /**
   * Says `message` (once the element has rendered). The region is emptied first and filled in
   * a later task, so a message said twice in a row is announced twice.
   */
  announce(message: string): void {
    clearTimeout(this.#timer);
    void this.#host.updateComplete.then(() => {
      const region = this.#host.renderRoot.querySelector<HTMLElement>('.kb-live');
      if (!region || !this.#host.isConnected) return;
      clearTimeout(this.#timer);
      region.textContent = '';
      this.#timer = setTimeout(() => (region.textContent = message), 50);
    });
  }

  /** Empties the region (nothing left to announce). */
  clear(): void {
    clearTimeout(this.#timer);
    const region = this.#host.renderRoot.querySelector<HTMLElement>('.kb-live');
    if (region) region.textContent = '';
  }
}
