import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './kb-search.styles';

/**
 * A search box for the knowledge base.
 *
 * @summary Search box (WAI-ARIA combobox) over a knowledge-base bundle.
 * @csspart input - The text field.
 */
@customElement('kb-search')
export class KbSearch extends LitElement {
  static override styles = styles;

  /** URL of the knowledge-base bundle (`kb.json`). */
  @property() src = '';

  /** Placeholder text of the field. */
  @property() placeholder = 'Search help';

  override render() {
    return html`<input part="input" type="search" aria-label=${this.placeholder} placeholder=${this.placeholder} />`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-search': KbSearch;
  }
}
