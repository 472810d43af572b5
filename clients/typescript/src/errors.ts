/** Reasons a call was treated as unavailable (degraded or refused). */
export type UnavailableReason =
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'bad_response'
  | 'deadline'
  | 'breaker_open'
  | 'in_progress';

/** Base class of every error this package throws. */
export class AgentgateError extends Error {
  override name = 'AgentgateError';
}

/**
 * A definitive answer from the service. Thrown for refusals (4xx other than
 * 429): never retried, never failed open. 429 and 5xx answers that exhaust the
 * retries are the `cause` of an {@link UnavailableError} instead.
 */
export class APIError extends AgentgateError {
  override name = 'APIError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string;
  /** The server's Retry-After hint in milliseconds, 0 when absent. */
  readonly retryAfter: number;

  constructor(status: number, code: string, message: string, requestId: string, retryAfter: number) {
    let text = `agentgate: status ${status}`;
    if (code) text += ` ${code}`;
    if (message) text += `: ${message}`;
    if (requestId) text += ` (request ${requestId})`;
    super(text);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /** Builds the subclass for the status family. */
  static from(status: number, code: string, message: string, requestId: string, retryAfter: number): APIError {
    const cls = statusClasses[status] ?? (status >= 500 ? InternalServerError : APIError);
    return new cls(status, code, message, requestId, retryAfter);
  }
}

export class BadRequestError extends APIError { override name = 'BadRequestError'; }
export class AuthenticationError extends APIError { override name = 'AuthenticationError'; }
export class PermissionDeniedError extends APIError { override name = 'PermissionDeniedError'; }
export class NotFoundError extends APIError { override name = 'NotFoundError'; }
export class ConflictError extends APIError { override name = 'ConflictError'; }
export class PayloadTooLargeError extends APIError { override name = 'PayloadTooLargeError'; }
export class UnsupportedMediaTypeError extends APIError { override name = 'UnsupportedMediaTypeError'; }
export class UnprocessableEntityError extends APIError { override name = 'UnprocessableEntityError'; }
export class RateLimitError extends APIError { override name = 'RateLimitError'; }
export class InternalServerError extends APIError { override name = 'InternalServerError'; }

type APIErrorClass = new (status: number, code: string, message: string, requestId: string, retryAfter: number) => APIError;

const statusClasses: Record<number, APIErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * The service could not give an answer: down, too slow, rate limited past the
 * retry budget, 5xx, or the circuit breaker refusing to try. `failureMode:
 * 'closed'` throws it; `'open'` allows instead. `cause` is the last attempt's
 * error (an {@link APIError} for a 429/5xx answer).
 */
export class UnavailableError extends AgentgateError {
  override name = 'UnavailableError';
  readonly reason: UnavailableReason;
  readonly attempts: number;

  constructor(reason: UnavailableReason, attempts: number, cause?: unknown) {
    let text = `agentgate unavailable: ${reason} after ${attempts} attempt(s)`;
    if (cause instanceof Error) text += `: ${cause.message}`;
    super(text, cause === undefined ? undefined : { cause });
    this.reason = reason;
    this.attempts = attempts;
  }
}

/**
 * Writing or rewriting the spool failed. A fail-open validate whose record
 * could not be written throws this with `result` set to the degraded allow,
 * so the caller decides whether availability outweighs the missing evidence
 * (Go returns both the result and the error).
 */
export class SpoolError extends AgentgateError {
  override name = 'SpoolError';
  /** The degraded result, when a fail-open call could not be spooled. */
  result?: import('./types.js').ValidateResult;
}
