/** Who made the model call; goes into the request and the spooled record. */
export interface RequestContext {
  userId?: string;
  tenantId?: string;
  modelVersion?: string;
  modelProvider?: string;
  sessionId?: string;
}

/**
 * Untrusted content the model is given alongside the input: a retrieved page,
 * a tool output, an e-mail. Evidence records its id, source and SHA-256,
 * never its text.
 */
export interface Document {
  id: string;
  source?: string;
  text: string;
}

export interface ValidateRequest {
  input: string;
  output?: string;
  documents?: Document[];
  context?: RequestContext;
  /**
   * Sent as the Idempotency-Key header on every attempt of the call. Left
   * out, the client draws one per call.
   */
  idempotencyKey?: string;
}

export type Decision = 'allow' | 'redact' | 'block';

export interface Violation {
  control: string;
  rule: string;
  category: string;
  severity: string;
  action?: string;
  target: 'input' | 'output' | 'document';
  /** The document's id when target is 'document'; start/end index its text. */
  document?: string;
  start: number;
  end: number;
  message: string;
  score?: number;
}

export interface Redacted {
  input: string;
  output: string;
  documents?: { id: string; text: string }[];
}

export interface Scores {
  injection: number;
  jailbreak: number;
  indirect: number;
}

export interface Evidence {
  id: string;
  chain: string;
  seq: number;
  hash: string;
  prevHash: string;
  timestamp: string;
}

/**
 * The gate's answer. A degraded result (fail-open, service unavailable) has
 * passed true, decision 'allow', degraded true, the reason and the spooled
 * record's id; no check ran, so it has no violations or evidence.
 */
export interface ValidateResult {
  passed: boolean;
  /** '' only when a 200 answer carried no decision (passed is then false). */
  decision: Decision | '';
  violations: Violation[];
  redacted: Redacted;
  scores?: Scores;
  evidence?: Evidence;
  degraded: boolean;
  degradedReason?: string;
  spoolId?: string;
}

/** One spooled call, as POST /v1/evidence/replay receives it. Hashes only. */
export interface SpoolRecord {
  id: string;
  ts: string;
  inputSha256: string;
  outputSha256: string;
  reason: 'fail_open' | 'fail_closed';
  error: string;
  context: RequestContext;
}

export interface EvidenceRef {
  id: string;
  chain: string;
  seq: number;
  hash: string;
}

export interface ReplayResult {
  /** Records the server acknowledged in this replay. */
  sent: number;
  accepted: number;
  duplicates: number;
  /** Records still in the spool afterwards. */
  remaining: number;
  /** Unreadable lines dropped (torn by a crash mid-append). */
  skipped: number;
  evidence: EvidenceRef[];
}

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface Logger {
  warn(message: string, attrs?: Record<string, unknown>): void;
  info(message: string, attrs?: Record<string, unknown>): void;
}
