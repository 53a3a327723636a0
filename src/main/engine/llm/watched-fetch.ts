/** Why our side ended a request. */
export type StopCause = 'user' | 'timeout' | 'stalled' | 'done'

/** A 200 response whose JSON body is an error (the SDK would turn it into a silent, empty stream). */
export class ProviderBodyError extends Error {
  constructor(readonly providerMessage: string) {
    super(providerMessage)
    this.name = 'ProviderBodyError'
  }
}

export interface WatchOptions {
  headersTimeoutMs: number
  idleTimeoutMs: number
  signal?: AbortSignal
  /** we asked for a stream: a JSON completion means the server ignored stream:true */
  expectEventStream: boolean
}

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

/**
 * The fetch the SDK uses, with what the SDK lacks: a headers timeout of our own,
 * an inactivity watchdog on the body (armed only while we wait for the server,
 * so a slow consumer is never called a stall), and detection of a JSON error on a 200.
 * `cause` tells afterwards why the request was ended, because the SDK ends an
 * aborted stream silently.
 */
export class RequestWatch {
  readonly controller = new AbortController()
  cause: StopCause | null = null
  headersReceived = false
  private headersTimer: ReturnType<typeof setTimeout> | undefined
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  private readonly onUserAbort = () => this.stop('user')

  constructor(private readonly opts: WatchOptions) {
    if (opts.signal?.aborted) this.stop('user')
    else opts.signal?.addEventListener('abort', this.onUserAbort, { once: true })
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const signals = [this.controller.signal, ...(init?.signal ? [init.signal] : [])]
    this.headersTimer = setTimeout(() => this.stop('timeout'), this.opts.headersTimeoutMs)
    let res: Response
    try {
      res = await globalThis.fetch(input, { ...init, signal: AbortSignal.any(signals) })
    } finally {
      clearTimeout(this.headersTimer)
    }
    this.headersReceived = true
    if (!res.body) return res
    const body = this.watchBody(res.body)
    if (res.ok && isJson(res)) return this.checkedJson(res, body)
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers })
  }

  /** End the request now; the first cause wins. */
  stop(cause: StopCause): void {
    this.cause ??= cause
    clearTimeout(this.headersTimer)
    clearTimeout(this.idleTimer)
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
    if (this.opts.expectEventStream)
      return new Response(completionAsSse(parsed as object), {
        status: 200,
        headers: { 'content-type': 'text/event-stream' }
      })
    return new Response(raw, { status: res.status, statusText: res.statusText, headers: res.headers })
  }

  private watchBody(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    const reader = body.getReader()
    this.reader = reader
    return new ReadableStream<Uint8Array>({
      pull: async (c) => {
        this.idleTimer = setTimeout(() => this.stop('stalled'), this.opts.idleTimeoutMs)
        try {
          const { done, value } = await reader.read()
          if (done) c.close()
          else c.enqueue(value)
        } catch (err) {
          c.error(err)
        } finally {
          clearTimeout(this.idleTimer)
        }
      },
      cancel: (reason) => reader.cancel(reason).catch(() => {})
    })
  }
}
