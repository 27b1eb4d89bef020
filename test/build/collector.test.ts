/**
 * The event collector (`kb-elements collect`, `createEventCollector`) against bad input: every
 * refusal code, CORS, schema checks, the rate limit, slow and broken clients, concurrent writes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { main } from '../../src/build/cli';
import { startCollectorServer } from '../../src/build/collector/collect-command';
import { clientKey } from '../../src/build/collector/rate-limit';
import { projectRoot, tempDir } from './helpers';

const PAGE = 'http://panel.example.test';
const event = (extra: Record<string, unknown> = {}) => ({
  v: 1,
  type: 'search',
  time: '2026-03-02T10:00:00.000Z',
  session: 'sess-1234',
  query: 'sso',
  results: 0,
  ...extra,
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  options: { method?: string; path?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${options.path ?? '/events'}`, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (url: string, body: unknown, headers: Record<string, string> = { Origin: PAGE }) =>
  send(url, {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
  });

function storedLines(dir: string): Record<string, unknown>[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const cleanups: (() => unknown)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function collector(options: Partial<Parameters<typeof startCollectorServer>[0]> = {}) {
  const dataDir = join(tempDir(), 'events');
  const errors: string[] = [];
  const { server, url } = await startCollectorServer({
    dataDir,
    port: 0,
    allowOrigins: [PAGE],
    onError: (e) => errors.push(e.message),
    ...options,
  });
  cleanups.push(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
  cleanups.push(() => new Promise((r) => server.close(r)));
  cleanups.push(() => server.closeAllConnections());
  return { url, dataDir, server, errors };
}

describe('collector', () => {
  test('accepts a batch: 204, CORS for the page, one line per event with unknown fields dropped', async () => {
    const { url, dataDir } = await collector({ now: () => new Date('2026-03-02T10:00:05.000Z') });
    const answer = await post(url, {
      events: [event({ userId: 7, email: 'x@example.com' }), event({ type: 'view', article: 'sso-setup', query: undefined })],
      extra: 1,
    });
    assert.equal(answer.status, 204);
    assert.equal(answer.headers['access-control-allow-origin'], PAGE);
    assert.equal(answer.headers.vary, 'Origin');
    assert.deepEqual(readdirSync(dataDir), ['kb-events-2026-03-02.jsonl']);
    assert.deepEqual(storedLines(dataDir), [
      {
        v: 1,
        type: 'search',
        time: '2026-03-02T10:00:00.000Z',
        session: 'sess-1234',
        query: 'sso',
        results: 0,
        received: '2026-03-02T10:00:05.000Z',
      },
      {
        v: 1,
        type: 'view',
        time: '2026-03-02T10:00:00.000Z',
        session: 'sess-1234',
        article: 'sso-setup',
        received: '2026-03-02T10:00:05.000Z',
      },
    ]);
  });

  test('redacts typed text again, whatever the client sent', async () => {
    const { url, dataDir } = await collector();
    assert.equal((await post(url, { events: [event({ query: 'invoice for jane@example.com 12345678' })] })).status, 204);
    assert.equal(storedLines(dataDir)[0]!.query, 'invoice for [email] [number]');
  });

  test('GET /health answers; other methods get 405', async () => {
    const { url } = await collector();
    const health = await send(url, { method: 'GET', path: '/health' });
    assert.equal(health.status, 200);
    assert.deepEqual(JSON.parse(health.body), { status: 'ok' });
    assert.equal((await send(url, { method: 'GET', path: '/events' })).status, 405);
    assert.equal((await send(url, { method: 'DELETE', path: '/', headers: { Origin: PAGE } })).status, 405);
  });

  test('413 for a body over the limit, declared or streamed; nothing is written', async () => {
    const { url, dataDir } = await collector({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ events: [event({ query: 'x'.repeat(2000) })] });
    const declared = await post(url, big);
    assert.equal(declared.status, 413);
    assert.match(JSON.parse(declared.body).error, /over 1024 bytes/);
    // Chunked, no Content-Length: the collector stops reading at the limit.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/events`, { method: 'POST', headers: { Origin: PAGE, 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error),
      );
      for (let i = 0; i < 10; i++) req.write('x'.repeat(512));
      req.end();
    });
    assert.equal(streamed, 413);
    assert.deepEqual(storedLines(dataDir), []);
  });

  test('400 for a body that is not JSON, and for events that are not the schema (naming the field); nothing is written', async () => {
    const { url, dataDir } = await collector();
    const notJson = await post(url, '{"events": [');
    assert.equal(notJson.status, 400);
    assert.deepEqual(JSON.parse(notJson.body), { error: 'the body is not JSON' });
    assert.equal(notJson.headers['access-control-allow-origin'], PAGE, 'the page can read why');

    const wrongType = await post(url, { events: [event(), event({ results: '3' })] });
    assert.equal(wrongType.status, 400);
    assert.match(JSON.parse(wrongType.body).error, /^events\[1\]: results must be a whole number/);
    for (const body of [
      [event()],
      { events: [] },
      { events: [event({ v: 2 })] },
      { events: [event({ type: 'purchase' })] },
      'null',
      '"text"',
    ]) {
      assert.equal((await post(url, body)).status, 400, JSON.stringify(body));
    }
    assert.deepEqual(storedLines(dataDir), []);
  });

  test('429 after too many requests from one address; X-Forwarded-For is ignored unless trusted', async () => {
    const { url } = await collector({ rateLimit: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post(url, { events: [event()] }, { Origin: PAGE, 'X-Forwarded-For': `10.0.0.${i}` })).status);
    assert.deepEqual(statuses, [204, 204, 204, 429, 429]);
    const refused = await post(url, { events: [event()] });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) >= 1);

    const proxied = await collector({ rateLimit: 2, trustProxy: true });
    const byClient: number[] = [];
    for (const client of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2']) {
      // The proxy appends the client's address: only the last entry counts, the rest a client can forge.
      byClient.push((await post(proxied.url, { events: [event()] }, { Origin: PAGE, 'X-Forwarded-For': `1.1.1.1, ${client}` })).status);
    }
    assert.deepEqual(byClient, [204, 204, 429, 204]);
  });

  test('CORS: preflight allowed for listed origins, refused for others; POSTs from others are refused too', async () => {
    const { url, dataDir } = await collector();
    const allowed = await send(url, {
      method: 'OPTIONS',
      headers: { Origin: PAGE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers['access-control-allow-origin'], PAGE);
    assert.equal(allowed.headers['access-control-allow-methods'], 'POST');
    assert.equal(allowed.headers['access-control-allow-headers'], 'Content-Type');

    const other = 'https://evil.example';
    const refused = await send(url, { method: 'OPTIONS', headers: { Origin: other, 'Access-Control-Request-Method': 'POST' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers['access-control-allow-origin'], undefined);
    // CORS alone would not stop a simple POST from being stored: the origin is checked too.
    assert.equal((await post(url, { events: [event()] }, { Origin: other })).status, 403);
    assert.deepEqual(storedLines(dataDir), []);
    // Not from a browser (no Origin): accepted.
    assert.equal((await post(url, { events: [event()] }, {})).status, 204);
  });

  test('without --allow-origin, pages of the same host are accepted and others refused; "*" accepts any', async () => {
    const { url } = await collector({ allowOrigins: [] });
    const host = new URL(url).host;
    assert.equal((await post(url, { events: [event()] }, { Origin: `http://${host}` })).status, 204);
    assert.equal((await post(url, { events: [event()] }, { Origin: PAGE })).status, 403);
    const open = await collector({ allowOrigins: ['*'] });
    assert.equal((await post(open.url, { events: [event()] }, { Origin: 'https://anywhere.example' })).status, 204);
  });

  test('408 for a body that never ends (slow clients do not hold the handler)', async () => {
    const { url } = await collector({ bodyTimeoutMs: 200 });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/events`, { method: 'POST', headers: { Origin: PAGE, 'Content-Length': '1000' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.write('{"events": [');
    });
    assert.equal(status, 408);
  });

  test('malformed HTTP gets 400 and the server keeps answering', async () => {
    const { url } = await collector();
    const { port } = new URL(url);
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('BREW /events HTCPCP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    assert.match(reply, /^HTTP\/1\.1 400/);
    assert.equal((await send(url, { method: 'GET', path: '/health' })).status, 200);
  });

  test('concurrent batches are appended whole: every line is one valid event', async () => {
    const { url, dataDir, errors } = await collector({ rateLimit: 0 });
    const batches = Array.from({ length: 40 }, (_, b) => ({
      events: Array.from({ length: 25 }, (_, i) => event({ query: `q${b}-${i} ${'long words '.repeat(8)}`.slice(0, 100) })),
    }));
    const statuses = await Promise.all(batches.map((batch) => post(url, batch).then((a) => a.status)));
    assert.ok(statuses.every((s) => s === 204));
    const lines = storedLines(dataDir);
    assert.equal(lines.length, 1000);
    assert.equal(new Set(lines.map((l) => l.query)).size, 1000);
    assert.deepEqual(errors, []);
  });

  test('a write that fails is a 503 and a log line, not a crash', async () => {
    const { url, dataDir, errors } = await collector();
    // A file stands where the folder was: the append fails.
    rmSync(dataDir, { recursive: true });
    writeFileSync(dataDir, 'not a folder');
    const answer = await post(url, { events: [event()] });
    assert.equal(answer.status, 503);
    assert.equal(errors.length, 1);
    assert.equal((await send(url, { method: 'GET', path: '/health' })).status, 200);
  });
});

test('rate-limit keys: IPv4-mapped addresses as IPv4, IPv6 by /64', () => {
  assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
  assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
  assert.equal(clientKey('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3:8d3::/64');
  assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
});

describe('kb-elements collect', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };

  test('wrong usage: exit code 2 and what is wrong', async () => {
    for (const [args, message] of [
      [[], /missing --data <dir>/],
      [['--data', 'x', '--port', 'eighty'], /--port must be a whole number from 0 to 65535 \(got "eighty"\)/],
      [['--data', 'x', '--allow-origin', 'panel.example.com'], /--allow-origin "panel.example.com" is not an origin/],
      [
        ['--data', 'x', '--allow-origin', 'https://panel.example.com/app'],
        /must be just scheme, host and port, like https:\/\/panel.example.com/,
      ],
      [['--data', 'x', 'extra'], /unexpected argument "extra"/],
      [['--data', 'x', '--color'], /unknown option --color/],
    ] as const) {
      const { err, io: cli } = io();
      assert.equal(await main(['collect', ...args], cli), 2, args.join(' '));
      assert.match(err.join('\n'), message);
    }
    const { out, io: cli } = io();
    assert.equal(await main(['collect', '--help'], cli), 0);
    assert.match(out.join('\n'), /^Usage: kb-elements collect --data <dir>/);
  });

  test('runs as a process: listens on a free port, answers, stops on SIGTERM', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/build/cli.ts', 'collect', '--data', join(dir, 'events'), '--port', '0', '--allow-origin', PAGE],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => child.kill('SIGKILL'));
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    assert.match(output, /accepting events from http:\/\/panel\.example\.test/);
    assert.equal((await send(url, { method: 'GET', path: '/health' })).status, 200);
    assert.equal((await post(url, { events: [event()] })).status, 204);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    assert.equal(storedLines(join(dir, 'events')).length, 1);
  });
});
