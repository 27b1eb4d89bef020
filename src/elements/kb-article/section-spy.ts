/**
 * Follows which section of an article the reader is in, for the table of contents
 * (`aria-current="location"` on its entry). A heading counts as reached once it passes the
 * upper third of the viewport; the section is the last heading reached. Works whatever
 * scrolls (the page, a launcher panel), because it watches intersection with the viewport.
 */
export class SectionSpy {
  readonly #onChange: (id: string) => void;
  #observer?: IntersectionObserver;
  #headings: HTMLElement[] = [];
  #current = '';

  constructor(onChange: (id: string) => void) {
    this.#onChange = onChange;
  }

  /** Starts following `headings` (in document order), replacing any earlier ones. */
  watch(headings: HTMLElement[]): void {
    this.stop();
    this.#headings = headings;
    if (!headings.length || typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver(() => this.#update(), { rootMargin: '0px 0px -66% 0px', threshold: [0, 1] });
    for (const heading of headings) this.#observer.observe(heading);
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #update(): void {
    const line = window.innerHeight / 3;
    let id = '';
    for (const heading of this.#headings) {
      if (heading.getBoundingClientRect().top <= line) id = heading.id;
      else break;
    }
    if (id === this.#current) return;
    this.#current = id;
    this.#onChange(id);
  }
}
