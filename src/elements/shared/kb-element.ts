import { LitElement } from 'lit';
import { uiRoot } from './strings';

/**
 * The base of every Lit `kb-*` element: it renders into a box of its shadow root (`uiRoot`,
 * `display: contents`) that {@link KbI18n} gives the `lang` and `dir` of the interface, instead
 * of into the shadow root itself, which cannot carry attributes. `this.renderRoot` is that box;
 * `this.shadowRoot` is the shadow root as usual.
 */
export class KbElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return uiRoot(super.createRenderRoot());
  }
}
