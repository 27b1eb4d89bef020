import { ContextProvider, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KnowledgeBase } from '../../core/index';
import type { KbStrings } from './strings';

/**
 * What `<kb-help>` hands down to the elements inside it (through `@lit/context`): the knowledge
 * base it loaded, the `src` it came from (relative links in articles resolve against it), and
 * the host's string overrides. An element uses it only when it has neither `src` nor
 * `knowledgeBase` of its own, so an element works the same on its own and inside `<kb-help>`.
 */
export interface KbHandedDown {
  knowledgeBase: KnowledgeBase;
  src: string;
  strings?: Partial<KbStrings>;
}

export const kbContext = createContext<KbHandedDown | undefined>(Symbol('kb-elements'));

/**
 * Hands down to the elements inside the host what `value()` gives (`undefined` until there is
 * a knowledge base), read before each render; they are told only when a part of it changed.
 */
export class KbContextProvider implements ReactiveController {
  readonly #provider: ContextProvider<typeof kbContext>;
  readonly #value: () => KbHandedDown | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, value: () => KbHandedDown | undefined) {
    this.#provider = new ContextProvider(host, { context: kbContext });
    this.#value = value;
    host.addController(this);
  }

  hostUpdate(): void {
    const next = this.#value();
    const now = this.#provider.value;
    if (next?.knowledgeBase !== now?.knowledgeBase || next?.src !== now?.src || next?.strings !== now?.strings)
      this.#provider.setValue(next);
  }
}
