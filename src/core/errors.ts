/**
 * What went wrong while loading a knowledge base or one of its article bodies: `network` (no
 * response: offline, DNS, a server that does not allow the page by CORS), `http` (an error
 * status), `timeout`, `format` (not a bundle, a malformed field, a file outside the bundle's
 * folder), `version` (a bundle of another format version).
 */
export type KbErrorKind = 'network' | 'http' | 'timeout' | 'format' | 'version';

/** The one error type `kb-elements/core` throws; `kind` tells the elements which message to show. */
export class KbError extends Error {
  readonly kind: KbErrorKind;
  /** HTTP status, for kind `http`. */
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
