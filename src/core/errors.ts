/** What went wrong while loading a knowledge base or one of its article bodies. */
export type KbErrorKind = 'network' | 'http' | 'timeout' | 'format' | 'version' | 'body';

/** The one error type `kb-elements/core` throws; `kind` tells the elements which message to show. */
export class KbError extends Error {
  readonly kind: KbErrorKind;
  /** HTTP status, for kind `http` (and `body` when a body fetch got an HTTP error). */
  readonly status?: number;
  /** The URL that failed, when a fetch was involved. */
  readonly url?: string;

  constructor(kind: KbErrorKind, message: string, details: { status?: number; url?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'KbError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.url !== undefined) this.url = details.url;
  }
}
