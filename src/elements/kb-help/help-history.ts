import { sameLocation, type KbLocation } from '../../core/hash-route';

/**
 * The back/forward history inside a help center: a list of locations and the index of the
 * current one. Going somewhere new drops the entries after the current one, as a browser does.
 */
export class HelpHistory {
  #entries: KbLocation[] = [{ view: 'home' }];
  #index = 0;

  get current(): KbLocation {
    return this.#entries[this.#index]!;
  }

  get position(): number {
    return this.#index;
  }

  get canGoBack(): boolean {
    return this.#index > 0;
  }

  get canGoForward(): boolean {
    return this.#index < this.#entries.length - 1;
  }

  /** Goes to `location`; returns false when it is where we are already. */
  push(location: KbLocation): boolean {
    if (sameLocation(location, this.current)) return false;
    this.#entries.splice(this.#index + 1, Infinity, location);
    this.#index = this.#entries.length - 1;
    return true;
  }

  /** Replaces the current entry (a deep link on load, a refined section). */
  replace(location: KbLocation): void {
    this.#entries[this.#index] = location;
  }

  /** The entry `delta` steps away, if there is one. */
  peek(delta: number): KbLocation | undefined {
    return this.#entries[this.#index + delta];
  }

  /** Moves by `delta` entries; returns false when there is no such entry. */
  go(delta: number): boolean {
    const target = this.#index + delta;
    if (target < 0 || target >= this.#entries.length) return false;
    this.#index = target;
    return true;
  }

  /** Moves to entry `index` if it holds `location` (a browser back/forward we made); else false. */
  restore(index: number, location: KbLocation): boolean {
    const entry = this.#entries[index];
    if (!entry || !sameLocation(entry, location)) return false;
    this.#index = index;
    return true;
  }
}
