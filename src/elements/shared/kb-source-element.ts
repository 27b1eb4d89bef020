import type { CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import type { KnowledgeBase } from '../../core/index';
import type { KbCredentials } from './credentials';
import { KbElement } from './kb-element';
import { KbSource } from './kb-source';
import { stateStyles } from './state-view.styles';

/**
 * The base of the elements that show a knowledge base (all but the launcher's panel): the
 * bundle's `src`, `credentials` and `knowledgeBase`, and the {@link KbSource} that loads it (or
 * takes the one a surrounding `<kb-help>` hands down), with the loading and error boxes'
 * styles (state-view.ts).
 */
export class KbSourceElement extends KbElement {
  static override styles: CSSResultGroup = [KbElement.styles, stateStyles];

  /** URL of the knowledge-base bundle (`kb.json`); relative URLs resolve against the page. Elements with the same `src` share one load. */
  @property() src = '';

  /** Whether the bundle's requests send cookies: `omit` (default), `same-origin` or `include` (docs/embedding.md#security). */
  @property() credentials?: KbCredentials;

  /** A loaded knowledge base; wins over `src` (without either, the one of a surrounding `<kb-help>`). */
  @property({ attribute: false }) knowledgeBase?: KnowledgeBase;

  /** @internal The knowledge base shown: its state (`loading`, `error`, ...) and, once ready, the knowledge base. */
  protected readonly source = new KbSource(this, {
    handedDown: () => this.handedDown,
    onReady: (kb) => this.knowledgeBaseReady(kb),
  });

  /** @internal Called once per new knowledge base, when it is ready, before the render that shows it. */
  protected knowledgeBaseReady(_kb: KnowledgeBase): void {}
}
