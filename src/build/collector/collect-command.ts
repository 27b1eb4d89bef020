/** `kb-elements collect --data <dir> [--port 8787] [--host 127.0.0.1] [--allow-origin <origin> ...]`. */
import { createServer, type Server } from 'node:http';
import type { CliIo } from '../cli';
import { parseCommandLine } from '../cli-args';
import { createEventCollector } from './event-collector';

export const COLLECT_USAGE = `Usage: kb-elements collect --data <dir> [options]

Receives the help-center events that pages with data-kb-analytics (or enableAnalytics) send,
and appends them to one JSON-lines file per day in <dir> (kb-events-YYYY-MM-DD.jsonl).
Stop it with Ctrl+C. See docs/analytics.md.

Options:
  --data <dir>            folder of the event files (made if missing; required)
  --port <n>              port to listen on (default 8787; 0 picks a free one)
  --host <address>        address to listen on (default 127.0.0.1: put a reverse proxy in front)
  --allow-origin <url>    an origin whose pages may send events, e.g. https://panel.example.com;
                          repeat for more; '*' allows any. Default: only the collector's own host
  --trust-proxy           count requests per address by the last X-Forwarded-For entry (set it
                          only behind a reverse proxy that adds that header)
  --rate-limit <n>        requests per address and minute before 429 (default 120; 0: no limit)
  --max-body <bytes>      largest request body (default 65536)
  --quiet, -q             print nothing but errors
  --help, -h              show this help`;

/** Timeouts that keep slow or idle clients from holding connections. */
const SERVER_LIMITS = { headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, maxConnections: 1024 };

/** Starts a collector server; resolves with its URL once it listens. */
export async function startCollectorServer(
  options: Parameters<typeof createEventCollector>[0] & { port?: number; host?: string },
): Promise<{ server: Server; url: string }> {
  const { port = 8787, host = '127.0.0.1', ...collectorOptions } = options;
  const server = createServer({ maxHeaderSize: 16 * 1024 }, createEventCollector(collectorOptions));
  server.headersTimeout = SERVER_LIMITS.headersTimeout;
  server.requestTimeout = SERVER_LIMITS.requestTimeout;
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeout;
  server.maxConnections = SERVER_LIMITS.maxConnections;
  // Malformed requests get a 400 and a closed connection; nothing reaches the process.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  // Errors of the listening socket (too many open files, ...) are logged; the server goes on.
  server.on('error', (error) => (collectorOptions.onError ?? console.error)(error));
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${shown}` };
}

/** Runs `kb-elements collect`; resolves with the exit code once stopped (SIGINT, SIGTERM). */
export async function runCollectCommand(argv: string[], io: CliIo): Promise<number> {
  let values: CollectArgs;
  try {
    values = parse(argv);
  } catch (error) {
    io.err(`kb-elements collect: ${(error as Error).message}\n\n${COLLECT_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(COLLECT_USAGE);
    return 0;
  }
  let started: Awaited<ReturnType<typeof startCollectorServer>>;
  try {
    started = await startCollectorServer({
      dataDir: values.data,
      port: values.port,
      host: values.host,
      allowOrigins: values.allowOrigins,
      trustProxy: values.trustProxy,
      rateLimit: values.rateLimit,
      maxBodyBytes: values.maxBody,
      onError: (error) => io.err(`kb-elements collect: ${error.message}`),
    });
  } catch (error) {
    io.err(`kb-elements collect: cannot start: ${(error as Error).message}`);
    return 2;
  }
  if (!values.quiet) {
    const origins = values.allowOrigins.length ? values.allowOrigins.join(', ') : 'pages of the same host only';
    io.out(`kb-elements collect: listening on ${started.url}, writing to ${values.data}; accepting events from ${origins}`);
  }
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      started.server.close(() => done(0));
      started.server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

interface CollectArgs {
  help: boolean;
  data: string;
  port?: number;
  host?: string;
  allowOrigins: string[];
  trustProxy: boolean;
  rateLimit?: number;
  maxBody?: number;
  quiet: boolean;
}

function parse(argv: string[]): CollectArgs {
  const { values, positionals } = parseCommandLine(argv, {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    'trust-proxy': { type: 'boolean' },
    'rate-limit': { type: 'string' },
    'max-body': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { help: true, data: '', allowOrigins: [], trustProxy: false, quiet: false };
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (!values.data) throw new Error('missing --data <dir>');
  const allowOrigins = (values['allow-origin'] ?? []).map(checkOrigin);
  return {
    help: false,
    data: values.data,
    port: values.port === undefined ? undefined : whole('--port', values.port, 0, 65535),
    host: values.host,
    allowOrigins,
    trustProxy: values['trust-proxy'] ?? false,
    rateLimit: values['rate-limit'] === undefined ? undefined : whole('--rate-limit', values['rate-limit'], 0, 1e6),
    maxBody: values['max-body'] === undefined ? undefined : whole('--max-body', values['max-body'], 256, 16 * 1024 * 1024),
    quiet: values.quiet ?? false,
  };
}

function whole(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new Error(`${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  return n;
}

/** `https://panel.example.com` (scheme, host and port; no path), or `*`. */
function checkOrigin(text: string): string {
  if (text === '*') return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--allow-origin "${text}" is not an origin like https://panel.example.com`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/$/, '')) {
    throw new Error(`--allow-origin "${text}" must be just scheme, host and port, like ${url.origin}`);
  }
  return url.origin;
}
