import { LitElement } from 'lit';

/**
 * The base of the Lit elements: an error while updating (render, `updated`) is logged and the
 * element keeps what it showed, instead of rejecting `updateComplete` into the host page's
 * `unhandledrejection` handlers. Content must never break the page the widget sits in.
 */
export class KbElement extends LitElement {
  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      return super.scheduleUpdate();
    } catch (error) {
      console.error(`<${this.localName}> could not be updated`, error);
    }
  }
}
