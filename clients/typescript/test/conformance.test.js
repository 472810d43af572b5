// The conformance scenarios (clients/conformance/scenarios.json) against the
// shared scripted fake server; see clients/conformance/README.md.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { Agentgate, APIError, UnavailableError } from '../dist/index.js';
import { loadScenarios, startFakeServer } from './fakeserver.js';

const file = loadScenarios();
let server;
let tmp;

before(async () => {
  server = await startFakeServer();
  tmp = await mkdtemp(join(tmpdir(), 'agentgate-ts-conformance-'));
});
after(async () => {
  await server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const sha = (s) => createHash('sha256').update(s).digest('hex');
const silent = { warn() {}, info() {} };

async function getState(prefix) {
  const r = await fetch(prefix + '/_state');
  assert.equal(r.status, 200);
  return r.json();
}

async function postScript(prefix, script) {
  const r = await fetch(prefix + '/_script', { method: 'POST', body: JSON.stringify(script), headers: { 'Content-Type': 'application/json' } });
  assert.equal(r.status, 204);
}

async function spoolRecords(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return { text: '', records: [] };
    throw err;
  }
  return { text, records: text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) };
}

function observeValidate(obs, res, err) {
  if (err === undefined) {
    if (res.degraded) {
      obs.outcome = 'degraded';
      obs.reason = res.degradedReason;
    } else {
      obs.outcome = 'result';
    }
    obs.passed = res.passed;
    obs.decision = res.decision;
    obs.hasEvidence = Boolean(res.evidence?.id);
    obs.redactedInput = res.redacted?.input;
    if (res.violations?.length) {
      obs.violationTarget = res.violations[0].target;
      obs.violationDocument = res.violations[0].document ?? '';
    }
  } else if (err instanceof UnavailableError) {
    obs.outcome = 'unavailable';
    obs.reason = err.reason;
    obs.attempts = err.attempts;
    if (err.cause instanceof APIError) obs.lastStatus = err.cause.status;
  } else if (err instanceof APIError) {
    obs.outcome = 'api_error';
    obs.status = err.status;
    obs.code = err.code;
    obs.requestId = err.requestId;
  } else {
    obs.outcome = 'error';
    obs.error = String(err);
  }
}

async function runScenario(sc) {
  const prefix = `${server.url}/s/${sc.name}`;
  const cc = sc.config;
  const spoolPath = join(tmp, sc.name, 'spool', 'agentgate.jsonl');
  let clock = Date.parse(file.clockStart);
  const waits = [];
  let seed = 7;
  const gate = new Agentgate({
    baseURL: prefix,
    apiKey: cc.apiKey,
    failureMode: cc.failureMode,
    spoolPath: cc.spool ? spoolPath : undefined,
    maxRetries: cc.retries,
    timeout: cc.timeoutMs,
    backoff: { base: cc.backoff.baseMs, max: cc.backoff.maxMs },
    breaker: { threshold: cc.breaker.threshold, openFor: cc.breaker.openForMs },
    replayBatchSize: cc.replayBatchSize,
    now: () => clock,
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    },
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    logger: silent,
  });
  const texts = [];
  try {
    for (const [i, st] of sc.steps.entries()) {
      const where = `${sc.name} step ${i} (${st.op})`;
      if (st.server?.length || st.replayServer?.length) await postScript(prefix, { validate: st.server ?? [], replay: st.replayServer ?? [] });
      const before = await getState(prefix);
      const waitsBefore = waits.length;
      const pendingBefore = await gate.pending();
      const obs = {};
      if (st.op === 'advance') {
        clock += st.ms;
      } else if (st.op === 'validate') {
        const req = { ...st.request };
        texts.push(req.input);
        if (req.output) texts.push(req.output);
        let res;
        let err;
        try {
          res = await gate.validate(req);
        } catch (e) {
          err = e;
        }
        observeValidate(obs, res, err);
        const afterState = await getState(prefix);
        const keys = afterState.idempotencyKeys.slice(before.validateHits);
        obs.sameIdempotencyKey = keys.length > 0 && keys[0] !== '' && keys.every((k) => k === keys[0]);
        if (keys.length) obs.idempotencyKey = keys[0];
        if ((await gate.pending()) > pendingBefore) {
          const { records } = await spoolRecords(spoolPath);
          const last = records.at(-1);
          assert.equal(last.inputSha256, sha(req.input), `${where}: spooled input hash`);
          assert.equal(last.outputSha256, req.output ? sha(req.output) : '', `${where}: spooled output hash`);
          assert.deepEqual(last.context, req.context ?? {}, `${where}: spooled context`);
        }
      } else if (st.op === 'replay') {
        let res;
        try {
          res = await gate.replay();
          obs.outcome = 'replayed';
        } catch (e) {
          obs.outcome = 'replay_error';
          res = e.result;
        }
        Object.assign(obs, { sent: res.sent, accepted: res.accepted, duplicates: res.duplicates, remaining: res.remaining });
      }
      const afterState = await getState(prefix);
      obs.validateHits = afterState.validateHits;
      obs.replayHits = afterState.replayHits;
      obs.recorded = afterState.recorded;
      const stepWaits = waits.slice(waitsBefore);
      obs.waits = stepWaits.length;
      if (stepWaits.length) obs.minWaitMs = Math.min(...stepWaits);
      obs.pending = await gate.pending();
      const { text, records } = await spoolRecords(spoolPath);
      if (records.length) {
        obs.spoolReason = records.at(-1).reason;
        obs.spoolError = records.at(-1).error;
      }
      for (const r of records) {
        assert.deepEqual(Object.keys(r), ['id', 'ts', 'inputSha256', 'outputSha256', 'reason', 'error', 'context'], `${where}: record members`);
        assert.match(r.id, /^[0-9a-f]{32}$/, `${where}: record id`);
        assert.match(r.ts, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, `${where}: record ts`);
      }
      obs.breaker = gate.breakerState();
      // Whatever happened, the prompt and completion text never reach the disk.
      for (const t of texts) assert.ok(!text.includes(t), `${where}: spool holds the text ${JSON.stringify(t)}`);
      for (const [k, want] of Object.entries(st.expect ?? {})) {
        assert.ok(k in obs, `${where}: nothing observed for ${k}; observed ${JSON.stringify(obs)}`);
        if (k === 'minWaitMs') assert.ok(obs[k] >= want, `${where}: minWaitMs ${obs[k]} < ${want}`);
        else assert.deepEqual(obs[k], want, `${where}: ${k}; observed ${JSON.stringify(obs)}`);
      }
    }
  } finally {
    await gate.close();
  }
}

describe('conformance', () => {
  for (const sc of file.scenarios) {
    test(sc.name, () => runScenario(sc));
  }
});
