import { ContextConsumer } from '@lit/context';
import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { kbContext, type KbHandedDown } from './kb-context';
import { KbI18n, uiRoot, type KbStrings } from './strings';
import { baseStyles, tokens } from './tokens.styles';

/** The themes of the `theme` attribute. */
export type KbTheme = 'light' | 'dark' | 'auto';

/**
 * The base of every Lit `kb-*` element: the `theme` and `strings` every element has, its
 * language ({@link KbI18n}), and two guarantees.
 * - It renders into a box of its shadow root (`uiRoot`, `display: contents`) that {@link KbI18n}
 *   gives the `lang` and `dir` of the interface, instead of into the shadow root itself, which
 *   cannot carry attributes. `this.renderRoot` is that box; `this.shadowRoot` is the shadow root.
 * - An error while updating (render, `updated`) is logged and the element keeps what it showed,
 *   instead of rejecting `updateComplete` into the host page's `unhandledrejection` handlers.
 *   Content must never break the page the widget sits in.
 *
 * Elements that show a knowledge base extend {@link KbSourceElement} (kb-source-element.ts).
 */
export class KbElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, baseStyles];

  readonly #context = new ContextConsumer(this, { context: kbContext, subscribe: true });

  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`); unset: the theme of a surrounding `kb-*` element, else light. */
  @property({ reflect: true }) theme?: KbTheme;

  /** Overrides for any UI string (docs/theming.md#strings); inside `<kb-help>`, on top of its own. */
  @property({ attribute: false }) strings?: Partial<KbStrings>;

  /** @internal The language and strings of the interface, refreshed before every render. */
  protected readonly i18n = new KbI18n(this, () => this.handedDown?.strings);

  /** @internal What a surrounding `<kb-help>` hands down (see kb-context.ts), if the element is inside one. */
  protected get handedDown(): KbHandedDown | undefined {
    return this.#context.value;
  }

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
