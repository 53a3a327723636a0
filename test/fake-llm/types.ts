import type { IncomingMessage, ServerResponse } from 'node:http'

/** How fast and in what pieces the fake answers. */
export interface Timing {
  /** characters of answer per streamed delta */
  chunkSize: number
  /** pause between deltas (ignored when tps is set) */
  delayMs: number
  /** tokens per second, ~4 characters a token */
  tps?: number
  /** pause before the response headers (the slow-headers scenario) */
  headerDelayMs: number
}

export interface ChatBody {
  model?: string
  messages?: unknown[]
  stream?: boolean
  stream_options?: { include_usage?: boolean }
}

/** What a client did to a response, as the server saw it. */
export interface ConnectionRecord {
  requestIndex: number
  closed: boolean
  /** the client closed the connection before the server ended the response */
  closedByClient: boolean
  /** the response was still being written when the connection closed */
  stillSending: boolean
  /** the fake itself destroyed the socket (drop scenarios) */
  serverDropped: boolean
  closedAt?: number
}

export interface RequestRecord {
  index: number
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  /** parsed JSON when the body was JSON, else the raw text */
  body: unknown
  scenario: string | null
  at: number
  connection: ConnectionRecord
  /** each streamed event as it was written (performance.now()), for latency benches */
  writes: Array<{ at: number; payload: string }>
}

export interface ChatContext {
  req: IncomingMessage
  res: ServerResponse
  body: ChatBody
  stream: boolean
  includeUsage: boolean
  answer: string
  reasoning: string
  timing: Timing
  /** how many earlier chat requests used this scenario since it was last set */
  attempt: number
  record: RequestRecord
  /** resolves after ms, or at once when the client has gone */
  sleep(ms: number): Promise<void>
}

export interface Scenario {
  description: string
  /** text to answer with unless the fake was given one */
  answer?: string
  run(ctx: ChatContext): Promise<void>
}

/** An extra route, e.g. /v1/audio/transcriptions; the body is the raw request bytes. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  record: RequestRecord
) => void | Promise<void>
