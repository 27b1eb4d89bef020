import { LitElement } from 'lit';
import { uiRoot } from './strings';

/**
 * The base of every Lit `kb-*` element.
 * - It renders into a box of its shadow root (`uiRoot`, `display: contents`) that {@link KbI18n}
 *   gives the `lang` and `dir` of the interface, instead of into the shadow root itself, which
 *   cannot carry attributes. `this.renderRoot` is that box; `this.shadowRoot` is the shadow root.
 * - An error while updating (render, `updated`) is logged and the element keeps what it showed,
 *   instead of rejecting `updateComplete` into the host page's `unhandledrejection` handlers.
 *   Content must never break the page the widget sits in.
 */
export class KbElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return uiRoot(super.createRenderRoot());
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      return super.scheduleUpdate();
    } catch (error) {
      console.error(`<${this.localName}> could not be updated`, error);
    }
  }
}
