import { createHash, randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

import { Breaker } from './breaker.js';
import { APIError, AgentgateError, SpoolError, UnavailableError, type UnavailableReason } from './errors.js';
import { Lock, Spool } from './spool.js';
import type {
  BreakerState,
  Document,
  EvidenceRef,
  Logger,
  ReplayResult,
  RequestContext,
  SpoolRecord,
  ValidateRequest,
  ValidateResult,
} from './types.js';

export interface ClientOptions {
  /** The API root, e.g. "https://gate.example.com" (no /v1). */
  baseURL: string;
  /** "agk_<keyId>_<secret>" with the validate scope. */
  apiKey: string;
  /** Per-attempt timeout in ms (default 2000). */
  timeout?: number;
  /** Retries after the first attempt (default 2; 0 means none). */
  maxRetries?: number;
  /** Full-jitter backoff in ms: uniform[0, min(max, base·2^n)] (defaults 50 and 2000). */
  backoff?: { base?: number; max?: number };
  /** What validate does when the service cannot answer (default 'closed'). */
  failureMode?: 'open' | 'closed';
  /** JSON-lines file for degraded calls; required for 'open'. One client per file. */
  spoolPath?: string;
  /** Consecutive-failure breaker (defaults 5 and 30000 ms; threshold -1 turns it off). */
  breaker?: { threshold?: number; openFor?: number };
  /** Records per replay request (default and maximum 100). */
  replayBatchSize?: number;
  /** Start a background replay after a successful call while the spool has records. */
  autoReplay?: boolean;
  /** Injected for tests: the fetch to use (default the global fetch). */
  fetch?: typeof fetch;
  /** Injected for tests: epoch ms now (default Date.now). */
  now?: () => number;
  /** Injected for tests: a uniform draw in [0, 1) for jitter (default crypto). */
  random?: () => number;
  /** Injected for tests: waits ms, rejecting with the signal's reason when it aborts first. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Where fail-open warnings go (default console.warn; info is silent). */
  logger?: Logger;
}

export interface CallOptions {
  /** Aborting it cancels the call: the abort reason is thrown, nothing is spooled. */
  signal?: AbortSignal;
  /**
   * The whole call's deadline (epoch ms or a Date), retries included: the
   * twin of a Go ctx deadline. Passing it counts as the service being too
   * slow, so the call degrades with reason 'deadline'.
   */
  deadline?: number | Date;
}

const MAX_BATCH = 100;
const MAX_RESPONSE = 4 << 20;

type Outcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'refused'; error: APIError }
  | { kind: 'retry'; reason: UnavailableReason; retryAfter: number; error: unknown }
  | { kind: 'canceled'; error: unknown };

function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

function newId(): string {
  return randomBytes(16).toString('hex');
}

function cryptoRandom(): number {
  return randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const consoleLogger: Logger = {
  warn: (message, attrs) => console.warn(message, attrs ?? {}),
  info: () => undefined,
};

/** Parses Retry-After (delta-seconds, or an HTTP date proxies may send) into ms; garbage is 0. */
export function parseRetryAfter(value: string | null, now: number): number {
  const v = (value ?? '').trim();
  if (!v) return 0;
  if (/^-?\d+$/.test(v)) {
    const secs = Number(v);
    if (secs <= 0) return 0;
    return Math.min(secs, 86400) * 1000;
  }
  // Only the IMF-fixdate shape; Date.parse alone would accept "1" or "tomorrow".
  if (/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t) && t > now) return t - now;
  }
  return 0;
}

function cleanContext(c: RequestContext | undefined): RequestContext {
  const out: RequestContext = {};
  for (const k of ['userId', 'tenantId', 'modelVersion', 'modelProvider', 'sessionId'] as const) {
    const v = c?.[k];
    if (v) out[k] = v;
  }
  return out;
}

function requestBody(req: ValidateRequest): string {
  const body: Record<string, unknown> = { input: req.input };
  if (req.output) body.output = req.output;
  if (req.documents?.length) {
    body.documents = req.documents.map((d: Document) => {
      const doc: Record<string, string> = { id: d.id };
      if (d.source) doc.source = d.source;
      doc.text = d.text;
      return doc;
    });
  }
  body.context = cleanContext(req.context);
  return JSON.stringify(body);
}

/**
 * Calls the agentgate validation gate with per-attempt timeouts, retries with
 * full jitter honouring Retry-After, a circuit breaker, and a failure mode:
 * 'open' allows during an outage and spools the call's hashes for replay,
 * 'closed' throws {@link UnavailableError}. Safe for concurrent use; one
 * client per spool file.
 */
export class Agentgate {
  private readonly validateURL: string;
  private readonly replayURL: string;
  private readonly apiKey: string;
  private readonly timeout: number;
  private readonly maxRetries: number;
  private readonly backoffBase: number;
  private readonly backoffMax: number;
  private readonly failureMode: 'open' | 'closed';
  private readonly batchSize: number;
  private readonly autoReplay: boolean;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly log: Logger;
  private readonly breaker: Breaker;
  private readonly spool?: Spool;
  private readonly replayLock = new Lock();
  private spoolReady?: Promise<void>;
  /** Set when a record is spooled, cleared when a replay starts. */
  private dirty = false;
  private closed = false;
  private background?: Promise<void>;

  constructor(opts: ClientOptions) {
    let url: URL;
    try {
      url = new URL(opts.baseURL);
    } catch {
      throw new AgentgateError(`client config: base URL ${JSON.stringify(opts.baseURL)}: invalid`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.host) {
      throw new AgentgateError(`client config: base URL ${JSON.stringify(opts.baseURL)}: need http(s)://host`);
    }
    if (typeof opts.apiKey !== 'string' || !opts.apiKey.startsWith('agk_') || opts.apiKey.length <= 4) {
      // Never echo the key: it is a credential.
      throw new AgentgateError('client config: API key must have the form agk_<keyId>_<secret>');
    }
    const mode = opts.failureMode ?? 'closed';
    if (mode !== 'open' && mode !== 'closed') throw new AgentgateError(`client config: unknown failure mode ${String(mode)}`);
    if (mode === 'open' && !opts.spoolPath) {
      throw new AgentgateError('client config: fail-open needs a spool path, or allowed calls would leave no evidence');
    }
    const nums = [opts.timeout, opts.backoff?.base, opts.backoff?.max, opts.breaker?.openFor];
    if (nums.some((n) => n !== undefined && (!Number.isFinite(n) || n < 0))) {
      throw new AgentgateError('client config: durations must be finite and not negative');
    }
    const batch = opts.replayBatchSize ?? MAX_BATCH;
    if (!Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH) {
      throw new AgentgateError(`client config: replay batch size ${batch} outside 1..${MAX_BATCH}`);
    }
    const base = url.href.replace(/\/+$/, '');
    this.validateURL = base + '/v1/validate';
    this.replayURL = base + '/v1/evidence/replay';
    this.apiKey = opts.apiKey;
    this.timeout = opts.timeout || 2000;
    this.maxRetries = Math.max(0, Math.floor(opts.maxRetries ?? 2));
    this.backoffBase = opts.backoff?.base || 50;
    this.backoffMax = opts.backoff?.max || 2000;
    if (this.backoffMax < this.backoffBase) throw new AgentgateError('client config: backoff max below base');
    this.failureMode = mode;
    this.batchSize = batch;
    this.autoReplay = opts.autoReplay ?? false;
    this.fetchFn = opts.fetch ?? globalThis.fetch;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? cryptoRandom;
    this.sleep = opts.sleep ?? defaultSleep;
    this.log = opts.logger ?? consoleLogger;
    this.breaker = new Breaker(opts.breaker?.threshold || 5, opts.breaker?.openFor || 30000);
    if (opts.spoolPath) {
      const spool = new Spool(opts.spoolPath);
      this.spool = spool;
      // A constructor cannot await: the directory is made (and records a
      // previous process left are noticed) before the spool is first used.
      this.spoolReady = (async () => {
        await mkdir(dirname(spool.path), { recursive: true, mode: 0o700 });
        const st = await stat(spool.path).catch(() => undefined);
        if (st && st.size > 0) this.dirty = true;
      })();
      this.spoolReady.catch(() => undefined);
    }
  }

  /**
   * Asks the gate about one model call. Resolves with the verdict whatever
   * the decision (check `passed`), or, in fail-open during an outage, with a
   * degraded allow. Throws an {@link APIError} subclass for a refused request
   * in every mode, {@link UnavailableError} in fail-closed during an outage,
   * {@link SpoolError} (with `result`) when a fail-open record could not be
   * written, and the abort reason when `signal` aborts.
   */
  async validate(req: ValidateRequest, opts: CallOptions = {}): Promise<ValidateResult> {
    const body = requestBody(req);
    const key = req.idempotencyKey || newId();
    try {
      const value = (await this.call(this.validateURL, body, key, opts)) as Partial<ValidateResult>;
      // Like Go's decoding into its Result: a member the answer lacks is its
      // zero value, so an answer without a verdict is never a pass.
      return {
        ...value,
        passed: value.passed === true,
        decision: value.decision ?? '',
        violations: value.violations ?? [],
        redacted: value.redacted ?? { input: '', output: '' },
        degraded: false,
      };
    } catch (err) {
      if (!(err instanceof UnavailableError)) throw err;
      return this.degrade(req, err);
    }
  }

  private async degrade(req: ValidateRequest, ue: UnavailableError): Promise<ValidateResult> {
    const reason = this.failureMode === 'open' ? 'fail_open' : 'fail_closed';
    let id: string | undefined;
    let spoolErr: SpoolError | undefined;
    if (this.spool) {
      try {
        id = await this.spoolCall(req, reason, ue);
      } catch (err) {
        spoolErr = err instanceof SpoolError ? err : new SpoolError(String(err), { cause: err });
      }
    }
    if (this.failureMode === 'closed') {
      if (spoolErr) throw new AggregateError([ue, spoolErr], ue.message);
      throw ue;
    }
    this.log.warn('agentgate unavailable, failing open', { reason: ue.reason, attempts: ue.attempts, spoolId: id });
    const res: ValidateResult = {
      passed: true,
      decision: 'allow',
      violations: [],
      redacted: { input: '', output: '' },
      degraded: true,
      degradedReason: ue.reason,
      spoolId: id,
    };
    if (spoolErr) {
      spoolErr.result = res;
      throw spoolErr;
    }
    return res;
  }

  private async spoolCall(req: ValidateRequest, reason: 'fail_open' | 'fail_closed', ue: UnavailableError): Promise<string> {
    await this.spoolReady;
    const id = newId();
    let error: string = ue.reason;
    if (ue.cause instanceof APIError) error = `${ue.reason}: status ${ue.cause.status}`;
    const rec: SpoolRecord = {
      id,
      ts: new Date(this.now()).toISOString(),
      inputSha256: sha256Hex(req.input),
      outputSha256: req.output ? sha256Hex(req.output) : '',
      reason,
      error,
      context: cleanContext(req.context),
    };
    await this.spool!.append(rec);
    this.dirty = true;
    return id;
  }

  /** Records waiting in the spool. */
  async pending(): Promise<number> {
    if (!this.spool) return 0;
    await this.spoolReady;
    return this.spool.count();
  }

  /** The circuit breaker's state now. */
  breakerState(): BreakerState {
    return this.breaker.current(this.now());
  }

  /** Stops automatic replays from starting and waits for a running one. */
  async close(): Promise<void> {
    this.closed = true;
    await this.background;
  }

  /**
   * Delivers the spool to POST /v1/evidence/replay in batches and removes a
   * batch only once the server accounted for all of it. Replays are
   * serialised. On error the acknowledged part is still removed and the
   * error is thrown with `result` (the partial {@link ReplayResult}) attached.
   */
  replay(opts: CallOptions = {}): Promise<ReplayResult> {
    return this.replayLock.run(() => this.replayLocked(opts));
  }

  private async replayLocked(opts: CallOptions): Promise<ReplayResult> {
    const res: ReplayResult = { sent: 0, accepted: 0, duplicates: 0, remaining: 0, skipped: 0, evidence: [] };
    if (!this.spool) return res;
    await this.spoolReady;
    this.dirty = false;
    let records: SpoolRecord[];
    let skipped: number;
    try {
      ({ records, skipped } = await this.spool.readAll());
    } catch (err) {
      this.dirty = true;
      throw withResult(err, res);
    }
    res.skipped = skipped;
    res.remaining = records.length;
    const acked = new Set<string>();
    // Flush in a few large steps: the rewrite costs a pass over the file.
    const flushAt = Math.max(10 * this.batchSize, Math.floor(records.length / 4));
    const flush = async () => {
      if (acked.size === 0 && skipped === 0) return;
      res.remaining = await this.spool!.remove(acked);
      acked.clear();
      skipped = 0;
    };
    for (let start = 0; start < records.length; start += this.batchSize) {
      const batch = records.slice(start, start + this.batchSize);
      try {
        await this.sendBatch(batch, res, opts);
      } catch (err) {
        if (err instanceof UnavailableError) this.dirty = true;
        await flush().catch(() => {
          this.dirty = true;
        });
        throw withResult(err, res);
      }
      for (const r of batch) acked.add(r.id);
      if (acked.size >= flushAt) {
        try {
          await flush();
        } catch (err) {
          this.dirty = true;
          throw withResult(err, res);
        }
      }
    }
    try {
      await flush();
    } catch (err) {
      this.dirty = true;
      throw withResult(err, res);
    }
    return res;
  }

  private async sendBatch(batch: SpoolRecord[], res: ReplayResult, opts: CallOptions): Promise<void> {
    const out = (await this.call(this.replayURL, JSON.stringify({ records: batch }), '', opts)) as {
      accepted?: number;
      duplicates?: number;
      evidence?: EvidenceRef[];
    };
    const accepted = out?.accepted;
    const duplicates = out?.duplicates;
    // Anything but a full account of the batch is no acknowledgement.
    if (!Number.isInteger(accepted) || !Number.isInteger(duplicates) || accepted! < 0 || duplicates! < 0 || accepted! + duplicates! !== batch.length) {
      throw new AgentgateError(`server accounted for ${accepted}+${duplicates} of ${batch.length} records`);
    }
    res.sent += batch.length;
    res.accepted += accepted!;
    res.duplicates += duplicates!;
    res.evidence.push(...(out.evidence ?? []));
  }

  private kickReplay(): void {
    if (!this.autoReplay || !this.spool || !this.dirty || this.closed || this.background) return;
    this.background = (async () => {
      try {
        for (;;) {
          try {
            const res = await this.replay();
            if (res.sent > 0) this.log.info('agentgate background replay done', { sent: res.sent, duplicates: res.duplicates });
          } catch (err) {
            this.log.warn('agentgate background replay stopped', { error: String(err) });
            return;
          }
          // Records spooled during this replay get another round.
          if (!this.dirty || this.closed) return;
        }
      } finally {
        this.background = undefined;
      }
    })();
  }

  /** POSTs body with retries; resolves with the decoded 2xx body, throws APIError, UnavailableError or the abort reason. */
  private async call(endpoint: string, body: string, idemKey: string, opts: CallOptions): Promise<unknown> {
    const deadline = opts.deadline instanceof Date ? opts.deadline.getTime() : opts.deadline;
    let last: unknown;
    let lastReason: UnavailableReason = 'network';
    for (let attempt = 0; ; attempt++) {
      const { ok, probe } = this.breaker.allow(this.now());
      if (!ok) throw new UnavailableError('breaker_open', attempt, last);
      const oc = await this.attempt(endpoint, body, idemKey, opts.signal, deadline);
      if (oc.kind === 'ok' || oc.kind === 'refused') {
        if (this.breaker.success(probe)) this.log.info('agentgate reachable again, breaker closed');
        this.kickReplay();
        if (oc.kind === 'refused') throw oc.error;
        return oc.value;
      }
      if (oc.kind === 'canceled') {
        this.breaker.release(probe);
        throw oc.error;
      }
      this.breaker.failure(probe, this.now());
      last = oc.error;
      lastReason = oc.reason;
      const giveUp = () => new UnavailableError(lastReason, attempt + 1, last);
      if (attempt >= this.maxRetries || lastReason === 'deadline') throw giveUp();
      if (oc.retryAfter > this.backoffMax) throw giveUp();
      const delay = this.backoff(attempt, oc.retryAfter);
      // Waiting past the deadline only to be cut off wastes the caller's budget.
      if (deadline !== undefined && deadline - Date.now() <= delay) throw giveUp();
      try {
        await this.sleep(delay, opts.signal);
      } catch (err) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        throw giveUp();
      }
    }
  }

  private backoff(retry: number, retryAfter: number): number {
    const ceil = Math.min(this.backoffMax, this.backoffBase * 2 ** Math.min(retry, 62));
    return Math.max(Math.floor(this.random() * (ceil + 1)), retryAfter);
  }

  private async attempt(endpoint: string, body: string, idemKey: string, signal: AbortSignal | undefined, deadline: number | undefined): Promise<Outcome> {
    if (signal?.aborted) return { kind: 'canceled', error: signal.reason };
    const timer = new AbortController();
    const limit = deadline === undefined ? this.timeout : Math.min(this.timeout, Math.max(0, deadline - Date.now()));
    const hitDeadline = limit < this.timeout;
    const t = setTimeout(() => timer.abort(), limit);
    const signals = signal ? [signal, timer.signal] : [timer.signal];
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.apiKey}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent': 'agentgate-typescript-client',
    };
    if (idemKey) headers['Idempotency-Key'] = idemKey;
    const transportError = (err: unknown): Outcome => {
      if (signal?.aborted) return { kind: 'canceled', error: signal.reason };
      if (timer.signal.aborted) {
        return hitDeadline
          ? { kind: 'retry', reason: 'deadline', retryAfter: 0, error: err }
          : { kind: 'retry', reason: 'timeout', retryAfter: 0, error: new AgentgateError(`attempt timeout ${this.timeout} ms`, { cause: err }) };
      }
      return { kind: 'retry', reason: 'network', retryAfter: 0, error: err };
    };
    try {
      let resp: Response;
      let text: string;
      try {
        resp = await this.fetchFn(endpoint, { method: 'POST', headers, body, signal: AbortSignal.any(signals) });
        text = await resp.text();
      } catch (err) {
        return transportError(err);
      }
      if (Buffer.byteLength(text) > MAX_RESPONSE) {
        return { kind: 'retry', reason: 'bad_response', retryAfter: 0, error: new AgentgateError(`response over ${MAX_RESPONSE} bytes`) };
      }
      if (resp.status >= 200 && resp.status < 300) {
        try {
          const value: unknown = JSON.parse(text);
          if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SyntaxError('not a JSON object');
          return { kind: 'ok', value };
        } catch (err) {
          // A 2xx we cannot read (a captive proxy, a broken deploy) is no
          // answer at all: treat it like an outage, not like a verdict.
          return { kind: 'retry', reason: 'bad_response', retryAfter: 0, error: new AgentgateError(`decode ${resp.status} response`, { cause: err }) };
        }
      }
      const apiErr = parseAPIError(resp.status, resp.headers.get('retry-after'), text, this.now());
      if (resp.status === 429) return { kind: 'retry', reason: 'rate_limited', retryAfter: apiErr.retryAfter, error: apiErr };
      if (resp.status >= 500) return { kind: 'retry', reason: 'server_error', retryAfter: apiErr.retryAfter, error: apiErr };
      if (resp.status === 409 && apiErr.code === 'idempotency_key_in_use') {
        // Our own earlier attempt is still being answered.
        return { kind: 'retry', reason: 'in_progress', retryAfter: apiErr.retryAfter, error: apiErr };
      }
      return { kind: 'refused', error: apiErr };
    } finally {
      clearTimeout(t);
    }
  }
}

function parseAPIError(status: number, retryAfter: string | null, body: string, now: number): APIError {
  let code = '';
  let message = '';
  let requestId = '';
  try {
    const env = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
    if (env && typeof env.error === 'object' && env.error) {
      if (typeof env.error.code === 'string') code = env.error.code;
      if (typeof env.error.message === 'string') message = env.error.message;
      if (typeof env.error.requestId === 'string') requestId = env.error.requestId;
    }
  } catch {
    // a proxy's HTML page still yields the status
  }
  return APIError.from(status, code, message || `HTTP ${status}`, requestId, parseRetryAfter(retryAfter, now));
}

function withResult(err: unknown, result: ReplayResult): unknown {
  if (err instanceof Error) (err as Error & { result?: ReplayResult }).result = result;
  return err;
}
