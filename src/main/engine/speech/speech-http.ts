import { TtsError } from './speech-types'

/** Every response gets bounded time and memory: a hostile or broken server cannot hang or bloat the voice. */
export interface HttpLimits {
  /** until the response headers */
  connectTimeoutMs: number
  /** between two pieces of the body */
  idleTimeoutMs: number
  maxBytes: number
}

export const SPEECH_LIMITS: HttpLimits = {
  connectTimeoutMs: 15_000,
  idleTimeoutMs: 10_000,
  // 24 kHz 16-bit mono is 48 kB a second: this is about five minutes of speech
  maxBytes: 16 * 1024 * 1024
}

const MAX_REDIRECTS = 3
const ERROR_BODY_BYTES = 4096

export interface AudioRequest {
  method: 'GET' | 'POST'
  body?: string
  /** sent as a bearer token, and only ever to `url`'s own origin */
  apiKey: string
}

/**
 * One request whose response headers arrive within the connect timeout.
 * Redirects are followed by hand and only within the origin: the key is
 * never sent to, and no request is made of, another origin.
 */
export async function requestAudio(
  url: URL,
  req: AudioRequest,
  signal: AbortSignal,
  limits: HttpLimits
): Promise<Response> {
  const origin = url.origin
  let target = url
  for (let hop = 0; ; hop++) {
    const res = await fetchWithTimeout(target, req, signal, limits.connectTimeoutMs)
    if (res.status < 300 || res.status >= 400) return checkStatus(res, origin, signal, limits)
    void res.body?.cancel().catch(() => {})
    const next = redirectTarget(res, target)
    if (next.origin !== origin)
      throw new TtsError(`speech endpoint at ${origin} redirected to another origin; refused`, 'failed')
    if (hop >= MAX_REDIRECTS) throw new TtsError(`speech endpoint at ${origin} redirected too often`, 'failed')
    target = next
  }
}

function redirectTarget(res: Response, from: URL): URL {
  const location = res.headers.get('location')
  try {
    if (location) return new URL(location, from)
  } catch {
    // falls through to the error below
  }
  throw new TtsError(`speech endpoint at ${from.origin} sent a redirect without a valid location`, 'failed')
}

async function fetchWithTimeout(
  url: URL,
  req: AudioRequest,
  signal: AbortSignal,
  timeoutMs: number
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (req.apiKey) headers['authorization'] = `Bearer ${req.apiKey}`
  if (req.body !== undefined) headers['content-type'] = 'application/json'
  const timer = new AbortController()
  const t = setTimeout(() => timer.abort(), timeoutMs)
  try {
    return await fetch(url, {
      method: req.method,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      redirect: 'manual',
      signal: AbortSignal.any([signal, timer.signal])
    })
  } catch (err) {
    if (signal.aborted) throw new TtsError('speech request was stopped', 'aborted')
    if (timer.signal.aborted)
      throw new TtsError(`speech endpoint at ${url.origin} did not answer within ${timeoutMs / 1000} s`, 'failed')
    const cause = (err as { cause?: { code?: string; message?: string } }).cause
    throw new TtsError(
      `could not reach speech endpoint at ${url.origin}: ${cause?.code ?? cause?.message ?? String(err)}`,
      'failed'
    )
  } finally {
    clearTimeout(t)
  }
}

async function checkStatus(res: Response, origin: string, signal: AbortSignal, limits: HttpLimits): Promise<Response> {
  if (res.ok) return res
  const detail = await errorDetail(res, signal, limits)
  throw new TtsError(`speech endpoint at ${origin} answered ${res.status}${detail ? `: ${detail}` : ''}`, 'failed')
}

/** What a JSON error body says (its error message, else the JSON), cleaned and short; '' for any other body. */
export async function errorDetail(res: Response, signal: AbortSignal, limits: HttpLimits): Promise<string> {
  try {
    const chunks: Buffer[] = []
    for await (const chunk of readBody(res, signal, { ...limits, maxBytes: ERROR_BODY_BYTES }, true)) chunks.push(chunk)
    const text = Buffer.concat(chunks).toString('utf8')
    return cleanDetail((JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text)
  } catch {
    return '' // the status alone says enough
  }
}

/** Server text as it may appear in a message: no control characters, at most 200 of the rest. */
function cleanDetail(text: string): string {
  return text
    .replace(/[\p{Cc}]+/gu, ' ')
    .trim()
    .slice(0, 200)
}

/**
 * The body, piece by piece. A stall longer than the idle timeout or a body
 * larger than maxBytes ends the request with a TtsError (or, with
 * `truncate`, just ends the body at the cap).
 */
export async function* readBody(
  res: Response,
  signal: AbortSignal,
  limits: HttpLimits,
  truncate = false
): AsyncGenerator<Buffer> {
  if (!res.body) return
  const reader = res.body.getReader()
  let total = 0
  try {
    for (;;) {
      const { done, value } = await readWithin(reader, signal, limits.idleTimeoutMs)
      if (done) return
      total += value.length
      if (total > limits.maxBytes) {
        if (truncate) return
        throw new TtsError(`speech endpoint sent more than ${limits.maxBytes} bytes; cut off`, 'failed')
      }
      yield Buffer.from(value.buffer, value.byteOffset, value.length)
    }
  } finally {
    // closes the connection when we stop early, so the server stops sending
    void reader.cancel().catch(() => {})
  }
}

function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
  idleMs: number
): Promise<ReadableStreamReadResult<Uint8Array>> {
  return new Promise((resolve, reject) => {
    const fail = (err: TtsError): void => {
      cleanup()
      reject(err)
    }
    const onAbort = (): void => fail(new TtsError('speech request was stopped', 'aborted'))
    const timer = setTimeout(
      () => fail(new TtsError(`speech endpoint stalled for ${idleMs / 1000} s`, 'failed')),
      idleMs
    )
    const cleanup = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    reader.read().then(
      (r) => {
        cleanup()
        resolve(r)
      },
      (err: unknown) => {
        cleanup()
        reject(
          signal.aborted
            ? new TtsError('speech request was stopped', 'aborted')
            : new TtsError(`speech endpoint dropped the connection: ${(err as Error).message}`, 'failed')
        )
      }
    )
  })
}
