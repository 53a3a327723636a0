import type { ErrorKind, FinishReason, Usage } from '../../../shared/turn-events'
import type { BodyLimits } from './body-limits'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** Where and how to reach an OpenAI-compatible endpoint. Keys are passed in, never read here. */
export interface ProviderConfig {
  baseUrl: string
  apiKey: string
  model: string
  /** extra headers, e.g. OpenRouter's attribution */
  headers?: Record<string, string>
  /** ms to wait for response headers */
  connectTimeoutMs?: number
  /** ms without progress (a data event) on an open stream before it is called stalled */
  idleTimeoutMs?: number
  /** ms one answer may take in all, retries included (default 10 min) */
  turnTimeoutMs?: number
  /** how much of a response body to take (defaults: DEFAULT_BODY_LIMITS) */
  bodyLimits?: Partial<BodyLimits>
  /** retries before the first token only */
  maxRetries?: number
  /** ms to wait for a whole non-streamed answer's headers (default 120 s: the server thinks before it answers) */
  batchTimeoutMs?: number
  /** first retry backoff when the server gives no retry-after (default 1000, doubled each retry) */
  retryBaseDelayMs?: number
  /** cap on the total time spent waiting between retries (default 20 s) */
  maxRetryWaitMs?: number
}

export interface ChatRequest {
  messages: ChatMessage[]
  stream: boolean
  signal?: AbortSignal
}

/** What the LLM layer yields, in order. Exactly one `finish` ends a successful stream. */
export type ChatChunk =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'retrying'; attempt: number; delayMs: number; reason: string }
  | { type: 'finish'; reason: FinishReason }

/** Every failure of the LLM layer is one of these, already classified. */
export class LlmError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number
  ) {
    super(message)
    this.name = 'LlmError'
  }
}

/** The LLM layer as the turn sees it: a chunk stream that throws only LlmError. */
export type ChatStreamer = (provider: ProviderConfig, request: ChatRequest) => AsyncIterable<ChatChunk>
