import { originOf } from '../../../shared/url-origin'

/**
 * Opens the connection to an endpoint ahead of the question, so the question
 * does not pay DNS, TCP and TLS set-up. A warm-up is one GET of the
 * endpoint's origin root, without a key or redirects, its answer read to the
 * end (up to a small cap) so that its socket stays in the fetch's keep-alive
 * pool (a HEAD would be cheaper, but Node-based servers answer it with
 * `Connection: close`), where the chat, transcription and speech
 * requests made through the same fetch pick it up. Node's global fetch keeps
 * an idle socket for about 4 s, so a connection warmed recently is trusted
 * and a later call warms it again: call it as often as the user shows intent
 * (a key typed, the popup shown, the hotkey pressed, a pause in speech).
 * Warming is best-effort: every failure is silent, and the real request
 * reports it.
 */

export interface WarmerOptions {
  /** must be the fetch whose connection pool the real requests use (default: the global fetch) */
  fetch?: typeof fetch
  /** a warm-up younger than this is not repeated */
  freshMs?: number
  /** a warm-up that has not connected by then is given up */
  timeoutMs?: number
  now?: () => number
}

export interface ConnectionWarmer {
  /** warms the connection to the origin of `url`; resolves when it is open or the attempt gave up */
  warm(url: string): Promise<void>
}

const FRESH_MS = 1500
const TIMEOUT_MS = 10_000
/** an origin's root answers with a short status page; past this the socket is given up rather than the memory */
const MAX_BODY_BYTES = 64 * 1024
/** a handful of endpoints in use at once; more means something is calling with junk */
const MAX_ORIGINS = 16

export function createConnectionWarmer(opts: WarmerOptions = {}): ConnectionWarmer {
  const fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const freshMs = opts.freshMs ?? FRESH_MS
  const now = opts.now ?? (() => performance.now())
  const recent = new Map<string, { at: number; done: Promise<void> }>()

  const open = async (origin: string): Promise<void> => {
    try {
      const res = await fetchImpl(`${origin}/`, {
        redirect: 'manual',
        credentials: 'omit',
        signal: AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS)
      })
      await drain(res.body)
      // the pool takes the socket back only after the body's end has been handed out
      await new Promise((resolve) => setImmediate(resolve))
    } catch {
      // the question's own request will say what is wrong
    }
  }

  return {
    warm(url) {
      const origin = originOf(url)
      if (!origin) return Promise.resolve()
      const last = recent.get(origin)
      if (last && now() - last.at < freshMs) return last.done
      recent.delete(origin)
      if (recent.size >= MAX_ORIGINS) recent.delete(recent.keys().next().value!)
      const entry = { at: now(), done: open(origin) }
      recent.set(origin, entry)
      return entry.done
    }
  }
}

/** reads a body to its end so the connection can be reused, or cancels it past the cap */
async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return
  const reader = body.getReader()
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    bytes += value.byteLength
    if (bytes > MAX_BODY_BYTES) return void (await reader.cancel())
  }
}
