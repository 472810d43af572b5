// What the shared scenarios do not reach: config checks, Retry-After parsing,
// cancellation and deadlines, a failing spool, a torn spool line, auto-replay.
// A fake fetch stands in for the server.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  Agentgate,
  AgentgateError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
  SpoolError,
  UnavailableError,
  UnprocessableEntityError,
  parseRetryAfter,
} from '../dist/index.js';

let tmp;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'agentgate-ts-unit-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const silent = { warn() {}, info() {} };
const verdict = { passed: true, decision: 'allow', violations: [], redacted: { input: 'x', output: '' }, evidence: { id: 'acme/0/1', chain: 'acme/0', seq: 1, hash: 'h', prevHash: 'p', timestamp: 't' } };
const json = (status, body, headers = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function client(fetchImpl, opts = {}) {
  return new Agentgate({
    baseURL: 'http://127.0.0.1:9',
    apiKey: 'agk_k1_secret',
    failureMode: 'open',
    spoolPath: join(tmp, `${Math.random()}`.slice(2), 'spool.jsonl'),
    fetch: fetchImpl,
    sleep: async () => {},
    logger: silent,
    ...opts,
  });
}

test('config: bad values are refused and the key is never echoed', () => {
  const cases = [
    [{ baseURL: 'ftp://x', apiKey: 'agk_a_b' }, /need http/],
    [{ baseURL: 'not a url', apiKey: 'agk_a_b' }, /invalid/],
    [{ baseURL: 'http://x', apiKey: 'sk-secret-value' }, /API key must have the form/],
    [{ baseURL: 'http://x', apiKey: 'agk_a_b', failureMode: 'open' }, /needs a spool path/],
    [{ baseURL: 'http://x', apiKey: 'agk_a_b', timeout: -1 }, /not negative/],
    [{ baseURL: 'http://x', apiKey: 'agk_a_b', replayBatchSize: 101 }, /outside 1..100/],
    [{ baseURL: 'http://x', apiKey: 'agk_a_b', backoff: { base: 100, max: 10 } }, /max below base/],
  ];
  for (const [opts, re] of cases) {
    assert.throws(() => new Agentgate(opts), (err) => err instanceof AgentgateError && re.test(err.message) && !err.message.includes('sk-secret-value'));
  }
});

test('parseRetryAfter: seconds, HTTP date, garbage', () => {
  const now = Date.UTC(2026, 10, 27, 9, 0, 0);
  assert.equal(parseRetryAfter('3', now), 3000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('-5', now), 0);
  assert.equal(parseRetryAfter('999999', now), 86400 * 1000);
  assert.equal(parseRetryAfter('Fri, 27 Nov 2026 09:00:10 GMT', now), 10000);
  assert.equal(parseRetryAfter('Fri, 27 Nov 2026 08:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), 0);
  assert.equal(parseRetryAfter(null, now), 0);
});

test('typed errors per status family; 5xx and 429 are the cause of UnavailableError', async () => {
  const statuses = [[401, AuthenticationError], [422, UnprocessableEntityError]];
  for (const [status, cls] of statuses) {
    const gate = client(async () => json(status, { error: { code: 'c', message: 'm', requestId: 'r' } }));
    await assert.rejects(gate.validate({ input: 'hi' }), (err) => err instanceof cls && err.status === status && err.requestId === 'r');
  }
  const closed = client(async () => json(503, { error: { code: 'unavailable' } }), { failureMode: 'closed', spoolPath: undefined });
  await assert.rejects(closed.validate({ input: 'hi' }), (err) => err instanceof UnavailableError && err.cause instanceof InternalServerError && err.attempts === 3);
  const limited = client(async () => json(429, {}, { 'Retry-After': '1' }), { failureMode: 'closed', spoolPath: undefined, maxRetries: 0 });
  await assert.rejects(limited.validate({ input: 'hi' }), (err) => err.reason === 'rate_limited' && err.cause instanceof RateLimitError && err.cause.retryAfter === 1000);
});

test('an aborted signal throws its reason, spools nothing and releases nothing it did not take', async () => {
  const ctrl = new AbortController();
  const gate = client((url, init) => new Promise((_, reject) => {
    init.signal.addEventListener('abort', () => reject(init.signal.reason));
    ctrl.abort(new Error('caller went away'));
  }));
  await assert.rejects(gate.validate({ input: 'hi' }, { signal: ctrl.signal }), /caller went away/);
  assert.equal(await gate.pending(), 0);
});

test('a passed deadline degrades with reason deadline and spools', async () => {
  const gate = client((url, init) => new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted')))));
  const res = await gate.validate({ input: 'hi' }, { deadline: Date.now() + 50 });
  assert.equal(res.degraded, true);
  assert.equal(res.degradedReason, 'deadline');
  assert.equal(await gate.pending(), 1);
});

test('a retry that cannot finish before the deadline is not waited for', async () => {
  let calls = 0;
  const waits = [];
  const gate = client(async () => {
    calls++;
    return json(503, {});
  }, { sleep: async (ms) => void waits.push(ms), backoff: { base: 1000, max: 1000 }, random: () => 0.999 });
  const res = await gate.validate({ input: 'hi' }, { deadline: Date.now() + 200 });
  assert.equal(res.degradedReason, 'server_error');
  assert.equal(calls, 1);
  assert.deepEqual(waits, []);
});

test('fail-open with an unwritable spool throws SpoolError carrying the degraded result', async () => {
  const dir = join(tmp, 'readonly');
  await mkdir(dir);
  const path = join(dir, 'spool.jsonl');
  await writeFile(path, '');
  await chmod(path, 0o400);
  const gate = client(async () => json(503, {}), { spoolPath: path, maxRetries: 0 });
  if (process.getuid?.() === 0) {
    // root writes through mode bits; a directory in place of the file fails for everyone
    await rm(path);
    await mkdir(path);
  }
  await assert.rejects(gate.validate({ input: 'hi' }), (err) => err instanceof SpoolError && err.result?.degraded === true && err.result.decision === 'allow');
});

test('a torn last line is skipped and does not swallow the next record', async () => {
  const path = join(tmp, 'torn', 'spool.jsonl');
  await mkdir(join(tmp, 'torn'));
  await writeFile(path, '{"id":"abc","ts":"2026-');
  const sent = [];
  let down = true;
  const gate = client(async (url, init) => {
    if (down) return json(503, {});
    const body = JSON.parse(init.body);
    sent.push(...body.records.map((r) => r.id));
    return json(200, { accepted: body.records.length, duplicates: 0, evidence: [] });
  }, { spoolPath: path, maxRetries: 0 });
  const res = await gate.validate({ input: 'secret prompt' });
  down = false;
  const rep = await gate.replay();
  assert.deepEqual(sent, [res.spoolId]);
  assert.equal(rep.skipped, 1);
  assert.equal(rep.remaining, 0);
  assert.equal(await readFile(path, 'utf8'), '');
});

test('autoReplay: the first successful call after an outage delivers the spool; close waits for it', async () => {
  let down = true;
  let replayed = 0;
  const gate = client(async (url, init) => {
    if (down) return json(503, {});
    if (url.endsWith('/v1/evidence/replay')) {
      const n = JSON.parse(init.body).records.length;
      replayed += n;
      return json(200, { accepted: n, duplicates: 0, evidence: [] });
    }
    return json(200, verdict);
  }, { autoReplay: true, maxRetries: 0 });
  await gate.validate({ input: 'a' });
  await gate.validate({ input: 'b' });
  assert.equal(await gate.pending(), 2);
  down = false;
  const res = await gate.validate({ input: 'c' });
  assert.equal(res.degraded, false);
  await gate.close();
  assert.equal(replayed, 2);
  assert.equal(await gate.pending(), 0);
});

test('the request body holds exactly the contract members, documents included', async () => {
  let seen;
  const gate = client(async (url, init) => {
    seen = { body: JSON.parse(init.body), headers: init.headers };
    return json(200, verdict);
  });
  await gate.validate({ input: 'i', output: 'o', idempotencyKey: 'k-1', documents: [{ id: 'd1', text: 't' }], context: { userId: 'u', tenantId: '' } });
  assert.deepEqual(seen.body, { input: 'i', output: 'o', documents: [{ id: 'd1', text: 't' }], context: { userId: 'u' } });
  assert.equal(seen.headers['Idempotency-Key'], 'k-1');
  assert.equal(seen.headers.Authorization, 'Bearer agk_k1_secret');
});

test('concurrent calls during an outage each spool one whole record; replay delivers each once', async () => {
  let validateDown = true;
  const received = new Map();
  const gate = client(async (url, init) => {
    if (url.endsWith('/v1/validate')) {
      if (validateDown) throw new TypeError('fetch failed');
      return json(200, verdict);
    }
    const recs = JSON.parse(init.body).records;
    for (const r of recs) received.set(r.id, (received.get(r.id) ?? 0) + 1);
    return json(200, { accepted: recs.length, duplicates: 0, evidence: [] });
  }, { maxRetries: 0, replayBatchSize: 7, breaker: { threshold: -1 } });
  const results = await Promise.all(Array.from({ length: 64 }, (_, i) => gate.validate({ input: `prompt ${i}` })));
  assert.equal(new Set(results.map((r) => r.spoolId)).size, 64);
  assert.equal(await gate.pending(), 64);
  // A call spooled while a replay runs is kept for the next replay, not lost
  // in the rewrite.
  const [rep, during] = await Promise.all([gate.replay(), gate.validate({ input: 'during the replay' })]);
  assert.equal(during.degraded, true);
  const again = await gate.replay();
  assert.equal(rep.sent + again.sent, 65);
  assert.equal(received.size, 65);
  assert.ok([...received.values()].every((n) => n === 1), 'each record delivered once');
  assert.equal(await gate.pending(), 0);
});
