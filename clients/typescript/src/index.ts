export { Agentgate, parseRetryAfter } from './client.js';
export type { CallOptions, ClientOptions } from './client.js';
export {
  AgentgateError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  SpoolError,
  UnavailableError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
} from './errors.js';
export type { UnavailableReason } from './errors.js';
export type * from './types.js';
export { BlockedError, guardAnthropic, guardOpenAI } from './middleware.js';
export type { AnthropicLike, GuardOptions, OpenAILike } from './middleware.js';
