/**
 * Requests per client address in a fixed window, for the collector's 429. IPv6 clients are
 * counted by their /64 network (one host usually holds a whole /64). Memory is bounded: at
 * most `maxAddresses` addresses are tracked.
 */
import { isIPv6 } from 'node:net';

export interface RateLimitOptions {
  /** Requests allowed per address and window. */
  requests: number;
  /** Window length in milliseconds. */
  windowMs: number;
  maxAddresses?: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #max: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.#max = options.maxAddresses ?? 50_000;
  }

  /** Counts a request from `address`; returns the seconds to wait when it is over the limit, else 0. */
  hit(address: string): number {
    const now = this.now();
    const key = clientKey(address);
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.options.windowMs) {
      if (!window && this.#windows.size >= this.#max) this.#prune(now);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count++;
    return window.count > this.options.requests ? Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000)) : 0;
  }

  /** Drops finished windows; if all are live, the oldest half (a flood of addresses). */
  #prune(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= this.options.windowMs) this.#windows.delete(key);
    if (this.#windows.size < this.#max) return;
    let drop = Math.ceil(this.#windows.size / 2);
    for (const key of this.#windows.keys()) {
      if (drop-- <= 0) break;
      this.#windows.delete(key);
    }
  }
}

/** The key an address is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
