import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KnowledgeBase } from '../../core/index';
import { bundleBaseUrl } from './bundle-base-url';
import { credentialsMode, type KbCredentials } from './credentials';
import { fetchTakingEarly } from './early-fetch';
import type { KbHandedDown } from './kb-context';
import { setShownKnowledgeBase } from './shown-knowledge-base';

export type { KbCredentials };

/** What a host element must have for {@link KbSource}: a `src` and a `knowledgeBase` (and `credentials`). */
export interface KbSourceHost extends ReactiveControllerHost, HTMLElement {
  /** Bundle URL (attribute `src`); relative URLs resolve against the page. */
  src: string;
  /** Cookies on the bundle's requests (attribute `credentials`): `omit` (default), `same-origin`, `include`. */
  credentials?: KbCredentials;
  /** A ready KnowledgeBase; wins over `src` when set. */
  knowledgeBase?: KnowledgeBase;
}

/** `idle`: nothing to load (no `src`, no `knowledgeBase`). */
export type KbSourceState = 'idle' | 'loading' | 'ready' | 'error';

export interface KbSourceOptions {
  /** Called once per new KnowledgeBase, when it becomes ready (before the host renders). */
  onReady?: (kb: KnowledgeBase) => void;
  /** What a surrounding `<kb-help>` hands down: used when the host has neither `src` nor `knowledgeBase`. */
  handedDown?: () => KbHandedDown | undefined;
}

/** One load per absolute URL (and credentials mode) on the page, shared by every element that names it. */
const loads = new Map<string, Promise<KnowledgeBase>>();
/** Loads that finished, so elements created later get their KnowledgeBase synchronously. */
const loaded = new Map<string, KnowledgeBase>();
/** Sources showing an error, by load key: a retry from any of them recovers them all. */
const failed = new Map<string, Set<KbSource>>();

/** The key of a shared load: the same URL loaded with and without cookies are two loads. */
function loadKey(url: string, credentials: KbCredentials): string {
  return `${credentials} ${url}`;
}

/**
 * Loads the KnowledgeBase named by `src`, sharing the load with every other element on the
 * page that uses the same URL and credentials mode. A failed load is forgotten, so the next
 * call tries again.
 */
export function loadShared(src: string, credentials: KbCredentials = 'omit'): Promise<KnowledgeBase> {
  const url = new URL(src, document.baseURI).href;
  const key = loadKey(url, credentials);
  const existing = loads.get(key);
  if (existing) return existing;
  const load = KnowledgeBase.load(url, { credentials, fetch: fetchTakingEarly }).then(
    (kb: KnowledgeBase) => {
      loaded.set(key, kb);
      failed.get(key)?.forEach((source) => source.recover(key, kb));
      failed.delete(key);
      return kb;
    },
    (error: unknown) => {
      loads.delete(key);
      throw error;
    },
  );
  loads.set(key, load);
  return load;
}

/** Forgets every shared load (tests; or a host that republished its bundle under the same URL). */
export function clearSharedLoads(): void {
  loads.clear();
  loaded.clear();
  failed.clear();
}

/**
 * A ReactiveController that gives an element its KnowledgeBase.
 *
 * Elements get one from their base class, `KbSourceElement` (kb-source-element.ts):
 *
 * ```ts
 * render() {
 *   const kb = this.source.knowledgeBase;
 *   if (!kb) return renderSourceState(this.source, this.i18n.t);   // see state-view.ts
 *   ...
 * }
 * ```
 *
 * - The `knowledgeBase` property wins over `src`; with neither, the knowledge base a
 *   surrounding `<kb-help>` hands down (`options.handedDown`). Setting any of them (re)starts;
 *   the state is updated before the host's next render, so render always sees a consistent state.
 * - `src` loads are shared per absolute URL (`loadShared`); a second element with the same
 *   URL waits on the same promise, and one created after it finished is ready at once.
 * - `state`: `idle` | `loading` | `ready` | `error`; `error` holds the failure (usually a
 *   `KbError` with `kind` network/http/timeout/format/version) and `retry()` tries again;
 *   when a retry of a URL succeeds, every element that failed on that URL recovers with it.
 */
export class KbSource implements ReactiveController {
  state: KbSourceState = 'idle';
  knowledgeBase?: KnowledgeBase;
  error?: unknown;

  readonly #host: KbSourceHost;
  readonly #options: KbSourceOptions;
  #seenSrc?: string;
  #seenKb?: KnowledgeBase;
  #seenCredentials?: KbCredentials;
  /** Bumped on every (re)start so a late answer for an old `src` is ignored. */
  #generation = 0;
  #failedKey?: string;
  #pending?: Promise<KnowledgeBase>;

  constructor(host: KbSourceHost, options: KbSourceOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#forgetFailure();
  }

  hostUpdate(): void {
    const { src, knowledgeBase } = this.#inputs();
    const credentials = credentialsMode(this.#host.credentials);
    if (src === this.#seenSrc && knowledgeBase === this.#seenKb && credentials === this.#seenCredentials) return;
    this.#seenSrc = src;
    this.#seenKb = knowledgeBase;
    this.#seenCredentials = credentials;
    this.#start();
  }

  /** The base URL of the knowledge base's relative links and images (see bundle-base-url.ts); once ready. */
  get baseUrl(): string {
    return bundleBaseUrl(this.knowledgeBase!, this.#inputs().src);
  }

  /** Tries the load again after an error (a new request; the failed one was forgotten). */
  retry(): void {
    this.#start();
    this.#host.requestUpdate();
  }

  /** Resolves when the source is ready, or rejects with its error (useful in tests). */
  get ready(): Promise<KnowledgeBase> {
    if (this.#pending) return this.#pending;
    if (this.knowledgeBase) return Promise.resolve(this.knowledgeBase);
    return Promise.reject(this.state === 'idle' ? new Error('no src and no knowledgeBase') : this.error);
  }

  /** Another element's retry of the load `key` succeeded: show its KnowledgeBase here too. */
  recover(key: string, kb: KnowledgeBase): void {
    if (this.state !== 'error' || this.#failedKey !== key) return;
    this.#settle(kb);
    this.#host.requestUpdate();
  }

  /** The host's own `src` and `knowledgeBase`, or, when it has neither, what `<kb-help>` hands down. */
  #inputs(): { src: string; knowledgeBase?: KnowledgeBase } {
    const { src, knowledgeBase } = this.#host;
    return src || knowledgeBase ? { src, knowledgeBase } : (this.#options.handedDown?.() ?? { src });
  }

  #start(): void {
    const generation = ++this.#generation;
    const { src, knowledgeBase } = this.#inputs();
    this.#forgetFailure();
    this.error = undefined;
    this.#pending = undefined;
    if (knowledgeBase) return this.#settle(knowledgeBase);
    if (!src) {
      this.state = 'idle';
      this.knowledgeBase = undefined;
      setShownKnowledgeBase(this.#host, undefined);
      return;
    }
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch (error) {
      this.#fail(error);
      return;
    }
    const credentials = credentialsMode(this.#host.credentials);
    const key = loadKey(url, credentials);
    const done = loaded.get(key);
    if (done) return this.#settle(done);
    this.state = 'loading';
    this.knowledgeBase = undefined;
    setShownKnowledgeBase(this.#host, undefined);
    this.#pending = loadShared(url, credentials);
    this.#pending.then(
      (kb) => {
        if (generation !== this.#generation) return;
        this.#pending = undefined;
        this.#settle(kb);
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#pending = undefined;
        this.#fail(error, key);
        this.#host.requestUpdate();
      },
    );
  }

  #settle(kb: KnowledgeBase): void {
    this.#forgetFailure();
    const isNew = kb !== this.knowledgeBase;
    this.state = 'ready';
    this.knowledgeBase = kb;
    setShownKnowledgeBase(this.#host, kb);
    if (isNew) this.#options.onReady?.(kb);
  }

  #fail(error: unknown, key?: string): void {
    this.#forgetFailure();
    this.state = 'error';
    this.knowledgeBase = undefined;
    setShownKnowledgeBase(this.#host, undefined);
    this.error = error;
    if (key) {
      this.#failedKey = key;
      failed.set(key, (failed.get(key) ?? new Set()).add(this));
    }
  }

  #forgetFailure(): void {
    if (this.#failedKey) failed.get(this.#failedKey)?.delete(this);
    this.#failedKey = undefined;
  }
}
