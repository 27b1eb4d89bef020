/**
 * `createEventCollector`: the request handler of `kb-elements collect`, for a Node server of the
 * host's own (`http.createServer(handler)`, or mounted in Express/Fastify/Koa middleware).
 *
 * - `POST` (any path, e.g. `/events`): a batch `{ "events": [...] }`. Each event is checked
 *   against the schema (core/analytics-events.ts): unknown fields dropped, typed text redacted
 *   again, a wrong type refuses the whole batch (400). Accepted batches are appended to the day's
 *   JSON-lines file in `dataDir`, each event with `received` (the server's time). 204.
 * - `OPTIONS`: CORS preflight, 204 for allowed origins, 403 for others.
 * - `GET /health`: 200 `{"status":"ok"}`.
 * - Refusals: 403 (origin not allowed), 408 (body too slow), 413 (body over `maxBodyBytes`),
 *   400 (not JSON, not the schema), 429 (too many requests from one address), 405.
 *
 * It never throws: every failure is an answer, and nothing invalid is written.
 */
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { validateAnalyticsBatch } from '../../core/analytics-events';
import { EventFileWriter } from './event-files';
import { RateLimiter } from './rate-limit';

export interface EventCollectorOptions {
  /** Folder of the event files (made if missing). */
  dataDir: string;
  /**
   * Origins (`https://panel.example.com`) whose pages may send events. `'*'` allows any. Unset or
   * empty: only pages of the collector's own host (the `Host` header), as behind a reverse
   * proxy on the panel's domain. Requests without an `Origin` (not from a browser) are accepted.
   */
  allowOrigins?: readonly string[];
  /** Largest body accepted, in bytes (default 64 KiB; the browser sends at most 32 KiB). */
  maxBodyBytes?: number;
  /** Requests per address and minute before 429 (default 120); `0` turns the limit off. */
  rateLimit?: number;
  /**
   * Take the client address for the rate limit from the last `X-Forwarded-For` entry (the one
   * your reverse proxy adds). Off by default: a client can write anything in that header.
   */
  trustProxy?: boolean;
  /** How long a request may take to send its body, in milliseconds (default 10 s). */
  bodyTimeoutMs?: number;
  /** Called with failures to write (disk full, permissions), for the server's log. */
  onError?: (error: Error) => void;
  /** The clock (tests). */
  now?: () => Date;
}

/** A request handler that can also wait for its pending writes. */
export interface EventCollector {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Resolves when every accepted batch is on disk. */
  idle(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024;
const DEFAULT_RATE = 120;
const DEFAULT_BODY_TIMEOUT = 10_000;

class Refusal {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function createEventCollector(options: EventCollectorOptions): EventCollector {
  if (!options || typeof options.dataDir !== 'string' || !options.dataDir)
    throw new Error('createEventCollector(): "dataDir" (the folder for the event files) is required');
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const writer = new EventFileWriter(dataDir);
  const now = options.now ?? (() => new Date());
  const rate = options.rateLimit ?? DEFAULT_RATE;
  const limiter = rate > 0 ? new RateLimiter({ requests: rate, windowMs: 60_000 }, () => now().getTime()) : undefined;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const bodyTimeout = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT;
  const origins = new Set((options.allowOrigins ?? []).map((o) => o.replace(/\/+$/, '').toLowerCase()));
  const onError = options.onError ?? ((error: Error) => console.error(`kb-elements collect: ${error.message}`));

  function originAllowed(req: IncomingMessage, origin: string): boolean {
    if (origins.has('*') || origins.has(origin.toLowerCase())) return true;
    if (origins.size) return false;
    try {
      return new URL(origin).host === req.headers.host?.toLowerCase();
    } catch {
      return false;
    }
  }

  async function accept(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> {
    const body = await readBody(req, maxBody, bodyTimeout);
    let data: unknown;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch {
      throw new Refusal(400, 'the body is not JSON', cors);
    }
    const checked = validateAnalyticsBatch(data);
    if (!checked.ok) throw new Refusal(400, checked.error, cors);
    const received = now();
    const stamp = received.toISOString();
    const lines = checked.value.map((event) => `${JSON.stringify({ ...event, received: stamp })}\n`).join('');
    try {
      await writer.append(received, lines);
    } catch (error) {
      onError(error as Error);
      throw new Refusal(503, 'the events could not be stored', cors);
    }
    send(res, 204, undefined, cors);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && path === '/health') return send(res, 200, { status: 'ok' });
    const wait = limiter?.hit(clientAddress(req, options.trustProxy));
    if (wait) throw new Refusal(429, 'too many requests from this address', { 'Retry-After': String(wait) });
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(req, origin)) throw new Refusal(403, 'this origin may not send events (see --allow-origin)');
    const cors: Record<string, string> = origin === undefined ? {} : { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      return send(res, 204, undefined, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '86400',
      });
    }
    if (req.method !== 'POST') throw new Refusal(405, 'send events with POST', { Allow: 'POST, OPTIONS', ...cors });
    await accept(req, res, cors);
  }

  const collector = ((req: IncomingMessage, res: ServerResponse) => {
    res.on('error', () => undefined);
    handle(req, res).catch((error: unknown) => {
      const refusal = error instanceof Refusal ? error : new Refusal(500, 'internal error');
      if (!(error instanceof Refusal)) onError(error as Error);
      // A body that was not read to its end: close the connection rather than read the rest.
      const close = !req.complete;
      send(res, refusal.status, { error: refusal.message }, close ? { ...refusal.headers, Connection: 'close' } : refusal.headers);
      if (close) res.on('finish', () => req.destroy());
    });
  }) as EventCollector;
  collector.idle = () => writer.idle();
  return collector;
}

/** The body, up to `max` bytes, within `timeout` ms; else a 413 or 408 refusal. */
function readBody(req: IncomingMessage, max: number, timeout: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > max) return Promise.reject(new Refusal(413, `the body is over ${max} bytes`));
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(new Refusal(408, 'the body took too long')), timeout);
    const finish = (error?: Refusal) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      if (error) {
        req.pause();
        reject(error);
      } else resolveBody(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) finish(new Refusal(413, `the body is over ${max} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onFail = () => finish(new Refusal(400, 'the request failed'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
  });
}

function clientAddress(req: IncomingMessage, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
  });
  res.end(text);
}
