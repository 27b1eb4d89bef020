import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ANALYTICS_LIMITS,
  redactText,
  validateAnalyticsBatch,
  validateAnalyticsEvent,
  validateStoredEvent,
} from '../../src/core/analytics-events';

const base = { v: 1, time: '2026-03-02T10:00:00.000Z', session: 'abcDEF123_-x' };

test('redaction: e-mail and IP addresses, long digit runs and tokens are replaced; ordinary queries stay', () => {
  assert.equal(redactText('  reset   password for jane.doe+kb@example.co.uk\n', 100), 'reset password for [email]');
  assert.equal(redactText('card 4111 1111 1111 1111 declined', 100), 'card [number] declined');
  assert.equal(redactText('call +49 30 1234567 or (555) 123-4567', 100), 'call +[number] or ([number]');
  assert.equal(redactText('invoice 20240115', 100), 'invoice [number]');
  assert.equal(redactText('blocked from 203.0.113.54', 100), 'blocked from [ip]');
  assert.equal(redactText('key sk_live_4eC39HqLyjWDarjtT1zdp7dc', 100), 'key [token]');
  // What a mail host's users really search stays as typed.
  for (const query of [
    '550 5.7.1',
    'port 587',
    'dkim selector1',
    'x-spam-flag',
    'tls 1.3',
    'error 421',
    '2fa',
    'imap.skyhost.example',
    'résumé',
  ]) {
    assert.equal(redactText(query, 100), query);
  }
});

test('redaction: trimmed, control characters gone, capped by characters (not halves of an emoji)', () => {
  assert.equal(redactText('\u0000a\u200Bb\tc', 100), 'a b c');
  assert.equal(redactText('x'.repeat(500), 100).length, 100);
  assert.equal(redactText('😀'.repeat(150), 100), '😀'.repeat(100));
  // An e-mail address that straddles the cap is redacted whole, not cut into a leak.
  const long = `${'word '.repeat(19)}someone.private@example.com`;
  assert.ok(!redactText(long, 100).includes('someone'), redactText(long, 100));
  // Linear: a huge input is cut before the patterns run.
  const started = performance.now();
  redactText(`${'a'.repeat(1_000_000)}@`, 100);
  assert.ok(performance.now() - started < 2000, 'a generous guard: well under a millisecond when the machine is quiet');
});

test('events: each type is read with its own fields; unknown fields are dropped', () => {
  const search = validateAnalyticsEvent({
    ...base,
    type: 'search',
    query: ' sso  login ',
    results: 0,
    userId: 42,
    cookie: 'x',
    lang: 'pt-BR',
    client: '0.1.0',
    kbVersion: 'a1b2c3',
  });
  assert.deepEqual(search, {
    ok: true,
    value: { ...base, type: 'search', query: 'sso login', results: 0, lang: 'pt-BR', client: '0.1.0', kbVersion: 'a1b2c3' },
  });
  assert.deepEqual(validateAnalyticsEvent({ ...base, type: 'search', query: 'dkim', results: 3, opened: 'dkim-setup' }), {
    ok: true,
    value: { ...base, type: 'search', query: 'dkim', results: 3, opened: 'dkim-setup' },
  });
  assert.deepEqual(validateAnalyticsEvent({ ...base, type: 'view', article: 'archive-storage', extra: true }), {
    ok: true,
    value: { ...base, type: 'view', article: 'archive-storage' },
  });
  assert.deepEqual(
    validateAnalyticsEvent({ ...base, type: 'feedback', article: 'a', helpful: false, reason: 'mail me at bob@example.org' }),
    {
      ok: true,
      value: { ...base, type: 'feedback', article: 'a', helpful: false, reason: 'mail me at [email]' },
    },
  );
  assert.deepEqual(validateAnalyticsEvent({ ...base, type: 'contact', query: 'refund' }), {
    ok: true,
    value: { ...base, type: 'contact', query: 'refund' },
  });
});

test('events: wrong types and values are refused with the field named', () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ ...base, v: 2, type: 'view', article: 'a' }, /^v must be 1/],
    [{ ...base, type: 'click', article: 'a' }, /^type must be/],
    [{ ...base, type: 'search', query: 'x', results: '3' }, /^results must be a whole number/],
    [{ ...base, type: 'search', query: 'x', results: 1.5 }, /^results/],
    [{ ...base, type: 'search', query: 'x', results: -1 }, /^results/],
    [{ ...base, type: 'search', query: 42, results: 1 }, /^query must be a text/],
    [{ ...base, type: 'search', query: '   ', results: 1 }, /^query must be a text that is not empty/],
    [{ ...base, type: 'search', query: 'x'.repeat(ANALYTICS_LIMITS.query + 1), results: 1 }, /^query must be a text of at most 100/],
    [{ ...base, type: 'feedback', article: 'a', helpful: 'yes' }, /^helpful must be true or false/],
    [{ ...base, type: 'view', article: 'has space' }, /^article must be an article id/],
    [{ ...base, type: 'view', article: '' }, /^article must be an article id/],
    [{ ...base, session: 'short', type: 'view', article: 'a' }, /^session must be/],
    [{ ...base, time: 'yesterday', type: 'view', article: 'a' }, /^time must be a date/],
    [{ ...base, lang: '<script>', type: 'view', article: 'a' }, /^lang must be/],
  ];
  for (const [event, message] of cases) {
    const checked = validateAnalyticsEvent(event);
    assert.equal(checked.ok, false, JSON.stringify(event));
    if (!checked.ok) assert.match(checked.error, message);
  }
  assert.deepEqual(validateAnalyticsEvent([1]), { ok: false, error: 'an event must be an object (got an array)' });
});

test('batches: 1 to 100 events; one bad event refuses the batch and says which', () => {
  const view = { ...base, type: 'view', article: 'a' };
  assert.equal(validateAnalyticsBatch({ events: [view, view] }).ok, true);
  assert.deepEqual(validateAnalyticsBatch({ events: [] }), { ok: false, error: '"events" must hold 1 to 100 events (got 0)' });
  assert.equal(validateAnalyticsBatch({ events: Array(101).fill(view) }).ok, false);
  assert.deepEqual(validateAnalyticsBatch({ events: [view, { ...view, article: 7 }] }), {
    ok: false,
    error: 'events[1]: article must be an article id (1 to 200 characters, no spaces) (got number 7)',
  });
  assert.equal(validateAnalyticsBatch([view]).ok, false);
  assert.equal(validateAnalyticsBatch(JSON.parse('{"events": [{"__proto__": {"v": 1}}]}')).ok, false);
});

test('stored events need the time they were received', () => {
  const view = { ...base, type: 'view', article: 'a' };
  assert.equal(validateStoredEvent(view).ok, false);
  assert.deepEqual(validateStoredEvent({ ...view, received: '2026-03-02T10:00:01.000Z' }), {
    ok: true,
    value: { ...view, received: '2026-03-02T10:00:01.000Z' },
  });
});

test('a query the elements capped is accepted: both sides count characters, so an emoji is one', () => {
  const query = redactText('😀'.repeat(150), ANALYTICS_LIMITS.query);
  const checked = validateAnalyticsBatch({ events: [{ ...base, type: 'search', query, results: 0 }] });
  assert.equal(checked.ok, true, JSON.stringify(checked));
  const tooLong = validateAnalyticsEvent({ ...base, type: 'search', query: 'x'.repeat(ANALYTICS_LIMITS.query + 1), results: 0 });
  assert.equal(tooLong.ok, false);
});
