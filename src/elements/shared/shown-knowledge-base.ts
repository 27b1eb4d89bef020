/**
 * Which KnowledgeBase each kb element shows now, for page-wide listeners (the analytics sink
 * reads the content version of the bundle an event came from). `KbSource` keeps it current.
 * A module of its own, so the sink needs nothing else of the elements.
 */
import type { KnowledgeBase } from '../../core/knowledge-base';

const shown = new WeakMap<Element, KnowledgeBase>();

/** Notes the KnowledgeBase `el` shows, or that it shows none. */
export function setShownKnowledgeBase(el: Element, kb: KnowledgeBase | undefined): void {
  if (kb) shown.set(el, kb);
  else shown.delete(el);
}

/** The KnowledgeBase `el` (a `kb-*` element) shows, once it is ready. */
export function knowledgeBaseOf(el: Element): KnowledgeBase | undefined {
  return shown.get(el);
}
