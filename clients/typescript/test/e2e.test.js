// End to end against the local system: run by `go test ./clients/e2e`, which
// starts the system, serves its API on a port it can stop and start, and
// passes AGENTGATE_E2E_URL, AGENTGATE_E2E_KEY and AGENTGATE_E2E_CONTROL.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { Agentgate } from '../dist/index.js';

const url = process.env.AGENTGATE_E2E_URL;
const key = process.env.AGENTGATE_E2E_KEY;
const ctl = process.env.AGENTGATE_E2E_CONTROL;
const sha = (s) => createHash('sha256').update(s).digest('hex');

async function get(path) {
  const r = await fetch(url + path, { headers: { Authorization: `Bearer ${key}` } });
  assert.equal(r.status, 200, `GET ${path}`);
  return r.json();
}

async function api(action) {
  const r = await fetch(`${ctl}/${action}`, { method: 'POST' });
  assert.equal(r.status, 204, `${action} the API`);
}

test('validate, outage with fail-open, replay into the evidence chain', { skip: !url && 'AGENTGATE_E2E_URL is not set (go test ./clients/e2e runs this)' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'agentgate-ts-e2e-'));
  const gate = new Agentgate({
    baseURL: url,
    apiKey: key,
    timeout: 5000,
    maxRetries: 0, // three failed attempts stay under the breaker threshold (5); see clients/e2e
    failureMode: 'open',
    spoolPath: join(dir, 'spool.jsonl'),
    logger: { warn() {}, info() {} },
  });
  const context = { userId: 'u-ts', modelVersion: 'e2e@1' };
  try {
    const res = await gate.validate({ input: 'ts: before the outage', context });
    assert.equal(res.degraded, false);
    const first = await get(`/v1/evidence/${res.evidence.id}`);
    assert.equal(first.inputSha256, sha('ts: before the outage'));

    await api('stop');
    const bySpoolId = new Map();
    for (const input of ['ts: during the outage 1', 'ts: during the outage 2', 'ts: during the outage 3']) {
      const r = await gate.validate({ input, context });
      assert.equal(r.degraded, true);
      assert.equal(r.degradedReason, 'network');
      bySpoolId.set(r.spoolId, input);
    }
    assert.equal(await gate.pending(), 3);

    await api('start');
    const rep = await gate.replay();
    assert.deepEqual([rep.sent, rep.accepted, rep.remaining, rep.evidence.length], [3, 3, 0, 3]);
    let last = 0;
    for (const ref of rep.evidence) {
      const e = await get(`/v1/evidence/${ref.id}`);
      assert.equal(e.kind, 'replay');
      assert.equal(e.status, 'fail_open');
      assert.equal(e.chain, first.chain);
      assert.ok(bySpoolId.has(e.meta.replayId), `entry ${ref.id} names spool id ${e.meta.replayId}`);
      assert.equal(e.inputSha256, sha(bySpoolId.get(e.meta.replayId)));
      last = Math.max(last, e.seq);
    }
    const v = await get(`/v1/evidence/verify?chain=${encodeURIComponent(first.chain)}&from=0&to=${last}`);
    assert.equal(v.valid, true);
    assert.equal(v.checked, last + 1);
    assert.equal((await gate.replay()).sent, 0);
  } finally {
    await gate.close();
    await rm(dir, { recursive: true, force: true });
  }
});
