import type { Agentgate, CallOptions } from './client.js';
import { AgentgateError } from './errors.js';
import type { Document, RequestContext, ValidateResult } from './types.js';

/**
 * The gate blocked a model call: before it (`stage: 'input'`, the model was
 * not called) or after it (`stage: 'output'`). In pass-through streaming,
 * `stage: 'output'` also means a redact verdict arrived after the text was
 * already streamed: replace what was shown with `result.redacted.output`.
 */
export class BlockedError extends AgentgateError {
  override name = 'BlockedError';
  constructor(readonly stage: 'input' | 'output', readonly result: ValidateResult) {
    super(`agentgate ${result.decision === 'block' ? 'blocked' : 'redacted'} the ${stage}: ${result.violations.map((v) => v.rule).join(', ') || result.decision}`);
  }
}

export interface GuardOptions {
  /** The request context sent with both checks, or a function of the call's params. */
  context?: RequestContext | ((params: any) => RequestContext);
  /**
   * Streaming calls: 'passthrough' (default) yields chunks as they come and
   * checks the completion when the stream ends, throwing BlockedError from
   * the iterator if the verdict is not allow; 'buffer' holds every chunk
   * until the completion passed (and applies a redaction) before yielding.
   */
  stream?: 'passthrough' | 'buffer';
  /** Called with each verdict (including degraded ones), e.g. for logging. */
  onVerdict?: (stage: 'input' | 'output', result: ValidateResult) => void;
  /** Passed to each validate call. */
  callOptions?: CallOptions;
}

type Part = { type?: string; text?: string; [k: string]: unknown };
type Content = string | Part[] | null | undefined;

function textOf(content: Content): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((p) => p && p.type === 'text' && typeof p.text === 'string')
    .map((p) => p.text as string)
    .join('\n');
}

/** Replaces the text of content: a string stays a string; parts keep their non-text parts and get one text part. */
function withText(content: Content, text: string): Content {
  if (typeof content === 'string' || !Array.isArray(content)) return text;
  const out: Part[] = [];
  let placed = false;
  for (const p of content) {
    if (p && p.type === 'text') {
      if (!placed) out.push({ ...p, text });
      placed = true;
    } else {
      out.push(p);
    }
  }
  if (!placed) out.unshift({ type: 'text', text });
  return out;
}

function contextFor(opts: GuardOptions, params: unknown): RequestContext | undefined {
  return typeof opts.context === 'function' ? opts.context(params) : opts.context;
}

interface Adapter<P, R, C> {
  /** The prompt (last user turn), its tool outputs as documents, and params with the prompt replaced. */
  prompt(params: P): { input: string; documents: Document[]; redact(text: string): P };
  completion(resp: R): string;
  redactCompletion(resp: R, text: string): void;
  chunkText(chunk: C): string;
  /** Sets a chunk's text (buffered redaction: the first text chunk carries all of it, the rest none). */
  setChunkText(chunk: C, text: string): C;
}

async function guardedCall<P extends { stream?: boolean | null }, R, C>(
  gate: Agentgate,
  opts: GuardOptions,
  a: Adapter<P, R, C>,
  params: P,
  call: (params: P) => Promise<unknown>,
): Promise<unknown> {
  const context = contextFor(opts, params);
  const p = a.prompt(params);
  const pre = await gate.validate({ input: p.input, documents: p.documents, context }, opts.callOptions);
  opts.onVerdict?.('input', pre);
  if (pre.decision === 'block') throw new BlockedError('input', pre);
  let input = p.input;
  if (pre.decision === 'redact') {
    input = pre.redacted.input;
    params = p.redact(input);
  }
  const check = async (output: string) => {
    const post = await gate.validate({ input, output, context }, opts.callOptions);
    opts.onVerdict?.('output', post);
    return post;
  };
  if (!params.stream) {
    const resp = (await call(params)) as R;
    const post = await check(a.completion(resp));
    if (post.decision === 'block') throw new BlockedError('output', post);
    if (post.decision === 'redact') a.redactCompletion(resp, post.redacted.output);
    return resp;
  }
  const stream = (await call(params)) as AsyncIterable<C>;
  if ((opts.stream ?? 'passthrough') === 'passthrough') {
    return (async function* () {
      let text = '';
      for await (const chunk of stream) {
        text += a.chunkText(chunk);
        yield chunk;
      }
      const post = await check(text);
      if (post.decision !== 'allow') throw new BlockedError('output', post);
    })();
  }
  const chunks: C[] = [];
  let text = '';
  for await (const chunk of stream) {
    chunks.push(chunk);
    text += a.chunkText(chunk);
  }
  const post = await check(text);
  if (post.decision === 'block') throw new BlockedError('output', post);
  let out = chunks;
  if (post.decision === 'redact') {
    let placed = false;
    out = chunks.map((c) => {
      if (a.chunkText(c) === '') return c;
      const t = placed ? '' : post.redacted.output;
      placed = true;
      return a.setChunkText(c, t);
    });
  }
  return (async function* () {
    yield* out;
  })();
}

// ---- OpenAI chat completions ----

type OpenAIMessage = { role: string; content?: Content; tool_call_id?: string; [k: string]: unknown };
type OpenAIParams = { messages: OpenAIMessage[]; stream?: boolean | null; [k: string]: unknown };
type OpenAICompletion = { choices?: { message?: { content?: string | null } }[] };
type OpenAIChunk = { choices?: { delta?: { content?: string | null } }[] };

const openaiAdapter: Adapter<OpenAIParams, OpenAICompletion, OpenAIChunk> = {
  prompt(params) {
    const msgs = params.messages ?? [];
    let last = -1;
    msgs.forEach((m, i) => {
      if (m.role === 'user') last = i;
    });
    // Tool outputs after the last assistant turn are what the model reads next.
    const documents: Document[] = [];
    msgs.forEach((m, i) => {
      if (m.role === 'tool') documents.push({ id: m.tool_call_id || `tool-${i}`, source: 'tool', text: textOf(m.content) });
    });
    return {
      input: last >= 0 ? textOf(msgs[last].content) : '',
      documents: documents.slice(-32),
      redact: (text) => ({ ...params, messages: msgs.map((m, i) => (i === last ? { ...m, content: withText(m.content, text) } : m)) }),
    };
  },
  completion: (resp) => resp.choices?.[0]?.message?.content ?? '',
  redactCompletion(resp, text) {
    const m = resp.choices?.[0]?.message;
    if (m) m.content = text;
  },
  chunkText: (c) => c.choices?.[0]?.delta?.content ?? '',
  setChunkText(c, text) {
    const choices = (c.choices ?? []).map((ch, i) => (i === 0 ? { ...ch, delta: { ...ch.delta, content: text } } : ch));
    return { ...c, choices };
  },
};

/** What guardOpenAI needs of an OpenAI SDK client (any object with this shape works). */
export interface OpenAILike {
  chat: { completions: { create(params: any, options?: any): PromiseLike<any> } };
}

/**
 * Wraps an OpenAI SDK client: `chat.completions.create` checks the last user
 * message (tool outputs as documents) before the call and the completion
 * after it. A blocked prompt throws {@link BlockedError} without calling the
 * model; a redacted one is sent redacted; a redacted completion comes back
 * redacted. Returns a plain Promise (not the SDK's APIPromise) and, for
 * `stream: true`, a plain async iterable of the SDK's chunks.
 */
export function guardOpenAI(client: OpenAILike, gate: Agentgate, opts: GuardOptions = {}) {
  return {
    chat: {
      completions: {
        create: (params: OpenAIParams, options?: unknown): Promise<any> =>
          guardedCall(gate, opts, openaiAdapter, params, (p) => Promise.resolve(client.chat.completions.create(p, options))),
      },
    },
  };
}

// ---- Anthropic messages ----

type AnthropicBlock = { type: string; text?: string; tool_use_id?: string; content?: Content; [k: string]: unknown };
type AnthropicMessage = { role: string; content: string | AnthropicBlock[] };
type AnthropicParams = { messages: AnthropicMessage[]; stream?: boolean | null; [k: string]: unknown };
type AnthropicResponse = { content?: AnthropicBlock[] };
type AnthropicEvent = { type: string; delta?: { type?: string; text?: string } };

const anthropicAdapter: Adapter<AnthropicParams, AnthropicResponse, AnthropicEvent> = {
  prompt(params) {
    const msgs = params.messages ?? [];
    let last = -1;
    msgs.forEach((m, i) => {
      if (m.role === 'user') last = i;
    });
    const documents: Document[] = [];
    if (last >= 0 && Array.isArray(msgs[last].content)) {
      for (const [j, b] of (msgs[last].content as AnthropicBlock[]).entries()) {
        if (b.type === 'tool_result') documents.push({ id: b.tool_use_id || `tool-${j}`, source: 'tool', text: textOf(b.content) });
      }
    }
    return {
      input: last >= 0 ? textOf(msgs[last].content as Content) : '',
      documents: documents.slice(-32),
      redact: (text) => ({
        ...params,
        messages: msgs.map((m, i) => (i === last ? { ...m, content: withText(m.content as Content, text) as AnthropicMessage['content'] } : m)),
      }),
    };
  },
  completion: (resp) => textOf(resp.content as Content),
  redactCompletion(resp, text) {
    if (Array.isArray(resp.content)) resp.content = withText(resp.content as Content, text) as AnthropicBlock[];
  },
  chunkText: (e) => (e.type === 'content_block_delta' && e.delta?.type === 'text_delta' ? e.delta.text ?? '' : ''),
  setChunkText: (e, text) => ({ ...e, delta: { ...e.delta, text } }),
};

/** What guardAnthropic needs of an Anthropic SDK client. */
export interface AnthropicLike {
  messages: { create(params: any, options?: any): PromiseLike<any> };
}

/**
 * Wraps an Anthropic SDK client: `messages.create` checks the last user turn
 * (its tool_result blocks as documents) before the call and the text of the
 * answer after it, as {@link guardOpenAI} does. For `stream: true` it returns
 * a plain async iterable of the SDK's stream events.
 */
export function guardAnthropic(client: AnthropicLike, gate: Agentgate, opts: GuardOptions = {}) {
  return {
    messages: {
      create: (params: AnthropicParams, options?: unknown): Promise<any> =>
        guardedCall(gate, opts, anthropicAdapter, params, (p) => Promise.resolve(client.messages.create(p, options))),
    },
  };
}
