import { originBoundFetch } from '../http/origin-bound-fetch'
import { BodyLimitError, DEFAULT_BODY_LIMITS, type BodyLimits } from './body-limits'
import { SseGuard } from './sse-guard'

/** Why our side ended a request. */
export type StopCause = 'user' | 'timeout' | 'stalled' | 'deadline' | 'limit' | 'done'

/** A 200 response whose JSON body is an error (the SDK would turn it into a silent, empty stream). */
export class ProviderBodyError extends Error {
  constructor(readonly providerMessage: string) {
    super(providerMessage)
    this.name = 'ProviderBodyError'
  }
}

export interface WatchOptions {
  headersTimeoutMs: number
  /** ms of waiting for the server without progress (a data event, or 64 KB of a whole body) */
  idleTimeoutMs: number
  /** performance.now() by which the whole turn must be over */
  deadlineAt?: number
  signal?: AbortSignal
  /** we asked for a stream: a JSON completion means the server ignored stream:true */
  expectEventStream: boolean
  limits?: Partial<BodyLimits>
}

/** A whole body shows progress every this many bytes: a slow link is not a stall, a drip is. */
const WHOLE_PROGRESS_BYTES = 64 * 1024

const isJson = (res: Response) => (res.headers.get('content-type') ?? '').includes('json')

/** A whole chat.completion where a stream was asked for, re-encoded as one SSE event plus [DONE]. */
function completionAsSse(body: {
  choices?: Array<{ message?: unknown; finish_reason?: unknown }>
  usage?: unknown
}): string {
  const choices = (body.choices ?? []).map((c, index) => ({
    index,
    delta: c.message ?? {},
    finish_reason: c.finish_reason ?? null
  }))
  return `data: ${JSON.stringify({ choices, usage: body.usage ?? null })}\n\ndata: [DONE]\n\n`
}

function errorMessageOf(body: unknown, raw: string): string | null {
  if (body === null) return raw.trim().slice(0, 300) || 'an empty answer'
  if (typeof body !== 'object' || !('error' in body) || 'choices' in body) return null
  const e = (body as { error: unknown }).error
  if (typeof e === 'string') return e
  const m = e && typeof e === 'object' && 'message' in e ? (e as { message: unknown }).message : undefined
  return typeof m === 'string' ? m : JSON.stringify(e).slice(0, 300)
}

const rewrap = (res: Response, body: ReadableStream<Uint8Array>) =>
  new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers })

/** What a body reader does with each decoded chunk: the bytes to pass on, or null to end the body there. */
interface BodyStep {
  push(bytes: Uint8Array): Uint8Array | null
  end(): Uint8Array
}

/**
 * The fetch the SDK uses, with what the SDK lacks: a headers timeout of our own;
 * bounded work on the body (every byte passes a size limit, see BodyLimits, and
 * SSE comments never reach the SDK); an idle watchdog that counts progress, not
 * bytes, and only while we wait for the server, so a slow consumer is never
 * called a stall; a deadline for the whole turn; redirects kept to the origin;
 * and detection of a JSON error on a 200. `cause` tells afterwards why the
 * request was ended, because the SDK ends an aborted stream silently.
 */
export class RequestWatch {
  readonly controller = new AbortController()
  cause: StopCause | null = null
  breach: BodyLimitError | null = null
  headersReceived = false
  private readonly limits: BodyLimits
  private sse: SseGuard | null = null
  private wholeAnswer = false
  private waitedMs = 0
  private headersTimer: ReturnType<typeof setTimeout> | undefined
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private deadlineTimer: ReturnType<typeof setTimeout> | undefined
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  private readonly onUserAbort = () => this.stop('user')

  constructor(private readonly opts: WatchOptions) {
    this.limits = { ...DEFAULT_BODY_LIMITS, ...opts.limits }
    if (opts.signal?.aborted) this.stop('user')
    else opts.signal?.addEventListener('abort', this.onUserAbort, { once: true })
    if (opts.deadlineAt !== undefined && !this.cause)
      this.deadlineTimer = setTimeout(() => this.stop('deadline'), Math.max(0, opts.deadlineAt - performance.now()))
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** The body said the answer was over: `[DONE]`, or a whole completion. */
  get sawEnd(): boolean {
    return this.wholeAnswer || (this.sse?.sawDone ?? false)
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const signals = [this.controller.signal, ...(init?.signal ? [init.signal] : [])]
    this.headersTimer = setTimeout(() => this.stop('timeout'), this.opts.headersTimeoutMs)
    let res: Response
    try {
      res = await originBoundFetch(input, { ...init, signal: AbortSignal.any(signals) })
    } finally {
      clearTimeout(this.headersTimer)
    }
    this.headersReceived = true
    if (!res.body) return res
    if (!res.ok) return rewrap(res, this.watchBody(res.body, this.truncated()))
    if (isJson(res)) return this.checkedJson(res, this.watchBody(res.body, this.whole()))
    if (!this.opts.expectEventStream) return rewrap(res, this.watchBody(res.body, this.whole()))
    this.sse = new SseGuard(this.limits, () => (this.waitedMs = 0))
    return rewrap(res, this.watchBody(res.body, this.sse))
  }

  /** End the request now; the first cause wins. */
  stop(cause: StopCause): void {
    this.cause ??= cause
    clearTimeout(this.headersTimer)
    clearTimeout(this.idleTimer)
    clearTimeout(this.deadlineTimer)
    this.controller.abort()
    this.reader?.cancel().catch(() => {})
  }

  /** Always called when the attempt is over: closes a socket the server left open. */
  dispose(): void {
    this.opts.signal?.removeEventListener('abort', this.onUserAbort)
    this.stop('done')
  }

  /**
   * A 200 JSON body: an error (thrown, the SDK would swallow it), a whole
   * completion where a stream was asked for (re-encoded as SSE), or a batch answer.
   */
  private async checkedJson(res: Response, body: ReadableStream<Uint8Array>): Promise<Response> {
    const raw = await new Response(body).text()
    let parsed: unknown = null
    try {
      parsed = JSON.parse(raw)
    } catch {
      // not JSON after all: the raw text is the message
    }
    const message = errorMessageOf(parsed, raw)
    if (message !== null) throw new ProviderBodyError(message)
    this.wholeAnswer = true
    if (this.opts.expectEventStream)
      return new Response(completionAsSse(parsed as object), {
        status: 200,
        headers: { 'content-type': 'text/event-stream' }
      })
    return new Response(raw, { status: res.status, statusText: res.statusText, headers: res.headers })
  }

  /** A JSON (or other whole) body: capped; progress every WHOLE_PROGRESS_BYTES. */
  private whole(): BodyStep {
    let total = 0
    return {
      push: (bytes) => {
        const before = total
        total += bytes.length
        if (total > this.limits.wholeBytes) throw new BodyLimitError('wholeBytes', this.limits.wholeBytes)
        if (Math.floor(total / WHOLE_PROGRESS_BYTES) > Math.floor(before / WHOLE_PROGRESS_BYTES)) this.waitedMs = 0
        return bytes
      },
      end: () => new Uint8Array(0)
    }
  }

  /** An error body: only its start is needed for the message. */
  private truncated(): BodyStep {
    let left = this.limits.errorBytes
    return {
      push: (bytes) => {
        if (left <= 0) return null
        left -= bytes.length
        return left >= 0 ? bytes : bytes.subarray(0, bytes.length + left)
      },
      end: () => new Uint8Array(0)
    }
  }

  private watchBody(body: ReadableStream<Uint8Array>, step: BodyStep): ReadableStream<Uint8Array> {
    const reader = body.getReader()
    this.reader = reader
    return new ReadableStream<Uint8Array>({
      pull: async (c) => {
        try {
          // Read until there is something to hand on: a chunk of comments alone yields nothing.
          for (;;) {
            const { done, value } = await this.waitForServer(reader)
            if (this.cause) return c.close()
            const out = done ? step.end() : step.push(value)
            if (out?.length) c.enqueue(out)
            if (done || out === null) {
              if (!done) void reader.cancel().catch(() => {})
              return c.close()
            }
            if (out.length) return
          }
        } catch (err) {
          if (err instanceof BodyLimitError) {
            this.breach ??= err
            this.stop('limit')
          }
          c.error(err)
        }
      },
      cancel: (reason) => reader.cancel(reason).catch(() => {})
    })
  }

  /** One read; the idle watchdog runs only during it, on what is left of the idle budget since the last progress. */
  private async waitForServer(reader: ReadableStreamDefaultReader<Uint8Array>) {
    const started = performance.now()
    this.idleTimer = setTimeout(() => this.stop('stalled'), Math.max(0, this.opts.idleTimeoutMs - this.waitedMs))
    try {
      return await reader.read()
    } finally {
      clearTimeout(this.idleTimer)
      this.waitedMs += performance.now() - started
    }
  }
}
