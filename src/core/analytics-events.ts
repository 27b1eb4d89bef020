/**
 * Help-center analytics: the one event schema that the browser sends (`enableAnalytics`), the
 * collector validates and stores, and the insights report reads; and the redaction that keeps
 * personal data out of it, applied in the browser before sending and again by the collector.
 * DOM-free. Documented in docs/analytics.md.
 */

/** Bumped on any change a reader of the previous version could not handle. */
export const ANALYTICS_SCHEMA_VERSION = 1;

/** Caps on what an event may hold. */
export const ANALYTICS_LIMITS = {
  /** Characters of a query, after trimming and redaction. */
  query: 100,
  /** Characters of a feedback reason. */
  reason: 500,
  /** Characters of an article id. */
  id: 200,
  /** Events in one batch. */
  eventsPerBatch: 100,
  /** Result count a search may report. */
  results: 100_000,
} as const;

export type AnalyticsEventType = 'search' | 'view' | 'feedback' | 'contact';

/** Fields every event has. */
export interface AnalyticsEventBase {
  /** Schema version: {@link ANALYTICS_SCHEMA_VERSION}. */
  v: 1;
  type: AnalyticsEventType;
  /** When it happened, by the browser's clock (ISO 8601). */
  time: string;
  /** Random id of the page visit (per tab and page load; never stored in the browser). */
  session: string;
  /** Language of the help UI (BCP 47). */
  lang?: string;
  /** `meta.contentVersion` of the knowledge-base bundle (a hash of its content). */
  kbVersion?: string;
  /** Version of kb-elements. */
  client?: string;
}

/** A search the user settled on. */
export interface SearchAnalyticsEvent extends AnalyticsEventBase {
  type: 'search';
  /** Trimmed, redacted, at most 100 characters. */
  query: string;
  /** Results shown (the search box shows up to its `limit`). */
  results: number;
  /** Id of the article the user opened from these results, if any. */
  opened?: string;
}

/** An article shown because the user asked for it. */
export interface ViewAnalyticsEvent extends AnalyticsEventBase {
  type: 'view';
  article: string;
}

/** An answer to "Was this article helpful?". */
export interface FeedbackAnalyticsEvent extends AnalyticsEventBase {
  type: 'feedback';
  article: string;
  helpful: boolean;
  /** What the user wrote after "No" (redacted, at most 500 characters). */
  reason?: string;
}

/** The user chose to contact support. */
export interface ContactAnalyticsEvent extends AnalyticsEventBase {
  type: 'contact';
  /** The article they were reading. */
  article?: string;
  /** The search they had made (redacted). */
  query?: string;
}

export type AnalyticsEvent = SearchAnalyticsEvent | ViewAnalyticsEvent | FeedbackAnalyticsEvent | ContactAnalyticsEvent;

/** An event as the collector stores it: with the time the collector received it. */
export type StoredAnalyticsEvent = AnalyticsEvent & { received: string };

/** What the browser sends: `POST` with this JSON as the body. */
export interface AnalyticsBatch {
  events: AnalyticsEvent[];
}

// ---- redaction ----

/** Bounded quantifiers keep every pattern linear in the length of the text. */
const EMAIL = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;
/** Long letter-and-digit strings: API keys, tokens, IBANs. */
const TOKEN = /(?<![\p{L}\p{N}_-])(?=(?:[\p{L}_-]*\p{Nd}){3})(?=[\p{N}_-]*\p{L})[\p{L}\p{N}_-]{24,}/gu;
const IPV4 = /(?<![\p{N}.])\p{Nd}{1,3}(?:\.\p{Nd}{1,3}){3}(?![\p{N}.])/gu;
/** Six or more digits, maybe grouped by spaces, dashes or brackets: phone, card, account numbers. */
const DIGIT_RUN = /\p{Nd}(?:[ \-()]{0,2}\p{Nd}){5,}/gu;
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
/** Room past the cap that is still redacted, so an e-mail address cut by the cap is redacted whole. */
const REDACT_MARGIN = 320;

/**
 * Text a user typed, made safe to send and store: control characters removed, white space
 * collapsed, trimmed; e-mail addresses, IP addresses, long digit runs and long tokens replaced
 * by `[email]`, `[ip]`, `[number]`, `[token]`; then cut to `max` characters.
 */
export function redactText(text: string, max: number): string {
  let out = text.length > max + REDACT_MARGIN ? text.slice(0, max + REDACT_MARGIN) : text;
  out = out
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(EMAIL, '[email]')
    .replace(TOKEN, '[token]')
    .replace(IPV4, '[ip]')
    .replace(DIGIT_RUN, '[number]');
  if (out.length <= max) return out;
  const chars = Array.from(out);
  return chars.length <= max ? out : chars.slice(0, max).join('').trimEnd();
}

// ---- validation ----

/** A validated event, or why the value is not one. */
export type AnalyticsValidation<T> = { ok: true; value: T } | { ok: false; error: string };

const SESSION = /^[A-Za-z0-9_-]{8,64}$/;
const LANG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,6}$/;
const VERSION = /^[\w.+-]{1,64}$/;
const ID = /^[^\p{C}\s]+$/u;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether `value` may stand as an article id in an event (the browser drops events whose id may not). */
export function isAnalyticsId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= ANALYTICS_LIMITS.id && ID.test(value);
}

/** Whether `value` may stand as `lang` (a BCP 47 tag like `en`, `pt-BR`). */
export function isAnalyticsLanguage(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 35 && LANG.test(value);
}

/** Whether `value` may stand as `kbVersion` or `client`. */
export function isAnalyticsVersion(value: unknown): value is string {
  return typeof value === 'string' && VERSION.test(value);
}

/** An ISO 8601 date and time with a zone, as `Date.prototype.toISOString` writes it. */
function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && ISO_TIME.test(value) && Number.isFinite(Date.parse(value));
}
const TYPES = new Set<string>(['search', 'view', 'feedback', 'contact']);

class Invalid extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a text of ${value.length} characters` : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function invalid(field: string, expected: string, value: unknown): never {
  throw new Invalid(`${field} must be ${expected} (got ${describe(value)})`);
}

/** Reads the fields of one event; unknown fields are left behind. */
class FieldReader {
  constructor(private readonly data: Record<string, unknown>) {}

  has(key: string): boolean {
    return Object.hasOwn(this.data, key) && this.data[key] !== undefined && this.data[key] !== null;
  }

  text(key: string, pattern: RegExp, max: number, expected: string): string {
    const value = this.data[key];
    if (typeof value !== 'string' || value.length === 0 || value.length > max || !pattern.test(value)) invalid(key, expected, value);
    return value;
  }

  optionalText(key: string, pattern: RegExp, max: number, expected: string): string | undefined {
    return this.has(key) ? this.text(key, pattern, max, expected) : undefined;
  }

  /** A text the user typed: at most `max` characters as sent, redacted again here. */
  typed(key: string, max: number, optional: boolean): string | undefined {
    if (optional && !this.has(key)) return undefined;
    const value = this.data[key];
    // Characters as redactText counts them (code points: an emoji is one), so what the elements send passes.
    const tooLong = typeof value === 'string' && value.length > max && (value.length > 2 * max || Array.from(value).length > max);
    if (typeof value !== 'string' || tooLong) invalid(key, `a text of at most ${max} characters`, value);
    const redacted = redactText(value, max);
    if (!redacted && !optional) invalid(key, 'a text that is not empty', value);
    return redacted || undefined;
  }

  time(key: string): string {
    const value = this.data[key];
    if (!isIsoTime(value)) invalid(key, 'a date and time (ISO 8601)', value);
    return value;
  }

  count(key: string, max: number): number {
    const value = this.data[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max)
      invalid(key, `a whole number from 0 to ${max}`, value);
    return value;
  }

  flag(key: string): boolean {
    const value = this.data[key];
    if (typeof value !== 'boolean') invalid(key, 'true or false', value);
    return value;
  }
}

function readEvent(data: Record<string, unknown>): AnalyticsEvent {
  if (data.v !== ANALYTICS_SCHEMA_VERSION) invalid('v', `${ANALYTICS_SCHEMA_VERSION} (the schema version)`, data.v);
  if (typeof data.type !== 'string' || !TYPES.has(data.type)) invalid('type', '"search", "view", "feedback" or "contact"', data.type);
  const read = new FieldReader(data);
  const base: AnalyticsEventBase = {
    v: 1,
    type: data.type as AnalyticsEventType,
    time: read.time('time'),
    session: read.text('session', SESSION, 64, 'a session id (8 to 64 letters, digits, - or _)'),
  };
  const lang = read.optionalText('lang', LANG, 35, 'a language tag like "en" or "pt-BR"');
  const kbVersion = read.optionalText('kbVersion', VERSION, 64, 'a version (letters, digits, . _ + -)');
  const client = read.optionalText('client', VERSION, 64, 'a version (letters, digits, . _ + -)');
  if (lang) base.lang = lang;
  if (kbVersion) base.kbVersion = kbVersion;
  if (client) base.client = client;
  const id = (key: string) => read.text(key, ID, ANALYTICS_LIMITS.id, `an article id (1 to ${ANALYTICS_LIMITS.id} characters, no spaces)`);
  switch (base.type) {
    case 'search': {
      const event: SearchAnalyticsEvent = {
        ...base,
        type: 'search',
        query: read.typed('query', ANALYTICS_LIMITS.query, false)!,
        results: read.count('results', ANALYTICS_LIMITS.results),
      };
      if (read.has('opened')) event.opened = id('opened');
      return event;
    }
    case 'view':
      return { ...base, type: 'view', article: id('article') };
    case 'feedback': {
      const event: FeedbackAnalyticsEvent = { ...base, type: 'feedback', article: id('article'), helpful: read.flag('helpful') };
      const reason = read.typed('reason', ANALYTICS_LIMITS.reason, true);
      if (reason) event.reason = reason;
      return event;
    }
    case 'contact': {
      const event: ContactAnalyticsEvent = { ...base, type: 'contact' };
      if (read.has('article')) event.article = id('article');
      const query = read.typed('query', ANALYTICS_LIMITS.query, true);
      if (query) event.query = query;
      return event;
    }
  }
}

/**
 * Checks one event against the schema. Returns a new object holding only the schema's fields
 * (unknown ones are dropped), with typed text redacted again; or the first problem found.
 */
export function validateAnalyticsEvent(value: unknown): AnalyticsValidation<AnalyticsEvent> {
  if (!isRecord(value)) return { ok: false, error: `an event must be an object (got ${describe(value)})` };
  try {
    return { ok: true, value: readEvent(value) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

/** Checks a stored event (a line of the collector's files): the schema, plus `received`. */
export function validateStoredEvent(value: unknown): AnalyticsValidation<StoredAnalyticsEvent> {
  const checked = validateAnalyticsEvent(value);
  if (!checked.ok) return checked;
  const received = (value as Record<string, unknown>).received;
  if (!isIsoTime(received)) {
    return { ok: false, error: `received must be a date and time (got ${describe(received)})` };
  }
  return { ok: true, value: { ...checked.value, received } };
}

/**
 * Checks a batch (`{ "events": [...] }`, 1 to 100 events). Any invalid event refuses the whole
 * batch, with the event's index in the message.
 */
export function validateAnalyticsBatch(value: unknown): AnalyticsValidation<AnalyticsEvent[]> {
  if (!isRecord(value) || !Array.isArray(value.events))
    return { ok: false, error: `the body must be an object with an "events" list (got ${describe(value)})` };
  const { events } = value;
  if (events.length === 0 || events.length > ANALYTICS_LIMITS.eventsPerBatch) {
    return { ok: false, error: `"events" must hold 1 to ${ANALYTICS_LIMITS.eventsPerBatch} events (got ${events.length})` };
  }
  const out: AnalyticsEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const checked = validateAnalyticsEvent(events[i]);
    if (!checked.ok) return { ok: false, error: `events[${i}]: ${checked.error}` };
    out.push(checked.value);
  }
  return { ok: true, value: out };
}
