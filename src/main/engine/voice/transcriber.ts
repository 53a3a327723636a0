import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, toFile } from 'openai'
import type { ErrorKind } from '../../../shared/turn-events'
import { describeBreach } from '../llm/classify-error'
import { hostOf } from '../llm/host'
import { ProviderBodyError, RequestWatch } from '../llm/watched-fetch'
import { RedirectRefusedError } from '../http/origin-bound-fetch'

/**
 * Speech-to-text through any OpenAI-compatible `/audio/transcriptions`
 * endpoint (OpenAI, Groq, a local whisper server). Failures come back as one
 * TranscriptionError with a message fit for the indicator.
 */

export interface SttConfig {
  baseUrl: string
  apiKey: string
  model: string
  /** ISO-639-1 hint, '' for auto */
  language?: string
  timeoutMs?: number
}

export type Transcribe = (wav: Buffer, signal: AbortSignal) => Promise<string>

export class TranscriptionError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string
  ) {
    super(message)
    this.name = 'TranscriptionError'
  }
}

/**
 * A transcript is a few KB of JSON: a body past this is not one, and reading
 * it all would let a hostile endpoint fill memory (counted after decompression).
 */
const TRANSCRIPT_BODY_BYTES = 1024 * 1024

const DEFAULT_TIMEOUT_MS = 30_000

/**
 * Each transcription is one watched request (the chat stream's RequestWatch):
 * redirects never carry the audio or key to another origin, the body is
 * bounded in size, and a body that stops arriving is a stall.
 */
export function createTranscriber(config: SttConfig): Transcribe {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return async (wav, signal) => {
    const watch = new RequestWatch({
      headersTimeoutMs: timeoutMs,
      idleTimeoutMs: timeoutMs,
      signal,
      expectEventStream: false,
      limits: { wholeBytes: TRANSCRIPT_BODY_BYTES }
    })
    const client = new OpenAI({
      fetch: watch.fetch,
      baseURL: config.baseUrl,
      // Local whisper servers take no key, but the SDK refuses an empty one.
      apiKey: config.apiKey || 'no-key',
      // the watch times the headers; the SDK's own timeout is only a backstop
      timeout: timeoutMs + 5_000,
      maxRetries: 1
    })
    try {
      const file = await toFile(wav, 'speech.wav', { type: 'audio/wav' })
      const language = config.language?.trim()
      const result = await client.audio.transcriptions.create(
        { file, model: config.model, response_format: 'json', ...(language ? { language } : {}) },
        { signal: watch.signal }
      )
      return (typeof result === 'string' ? result : (result.text ?? '')).trim()
    } catch (err) {
      throw classify(err, config, watch)
    } finally {
      watch.dispose()
    }
  }
}

function classify(err: unknown, config: SttConfig, watch: RequestWatch): TranscriptionError {
  const where = hostOf(config.baseUrl)
  const byUs = stoppedByUs(watch, `Speech-to-text at ${where}`)
  if (byUs) return byUs
  if (err instanceof APIUserAbortError) return cancelled()
  if (err instanceof ProviderBodyError)
    return new TranscriptionError('server', `Speech-to-text at ${where} answered with an error: ${err.message}`)
  const redirect = redirectIn(err)
  if (redirect) {
    return new TranscriptionError(
      'redirect',
      `Speech-to-text at ${where} redirected the recording to ${redirect.to?.host ?? 'an unknown address'}; Hark does not send audio or keys to another server. If that server is the right one, set it as the speech-to-text endpoint.`
    )
  }
  if (err instanceof APIConnectionTimeoutError) return timedOut(`Speech-to-text at ${where}`)
  if (err instanceof APIConnectionError)
    return new TranscriptionError('network', `Could not reach speech-to-text at ${where}.`)
  if (err instanceof APIError) {
    const s = err.status ?? 0
    const detail = err.message ? ` (${err.message.slice(0, 200)})` : ''
    if (s === 401 || s === 403)
      return new TranscriptionError('auth', `Speech-to-text at ${where} refused the API key.${detail}`)
    if (s === 404) {
      return new TranscriptionError(
        'not-found',
        `${where} has no speech-to-text for model "${config.model}". Set a speech-to-text endpoint and model in Settings.${detail}`
      )
    }
    if (s === 429)
      return new TranscriptionError('rate-limit', `Speech-to-text at ${where} is rate-limiting; try again shortly.`)
    if (s >= 500) return new TranscriptionError('server', `Speech-to-text at ${where} failed (${s}).${detail}`)
    return new TranscriptionError('bad-request', `Speech-to-text rejected the recording (${s}).${detail}`)
  }
  return new TranscriptionError('unknown', `Speech-to-text failed: ${err instanceof Error ? err.message : String(err)}`)
}

const cancelled = () => new TranscriptionError('aborted', 'Transcription cancelled.')
const timedOut = (who: string) => new TranscriptionError('timeout', `${who} did not answer in time.`)

/** Our side ended the request (the SDK reports that as an abort or a broken body): say why. */
function stoppedByUs(watch: RequestWatch, who: string): TranscriptionError | null {
  if (watch.cause === 'user') return cancelled()
  if (watch.cause === 'limit' && watch.breach)
    return new TranscriptionError(
      'too-large',
      `${describeBreach(who, watch.breach)} Check that the speech-to-text endpoint in Settings is a transcription API.`
    )
  if (watch.cause === 'stalled') return new TranscriptionError('stalled', `${who} stopped sending its answer.`)
  if (watch.cause === 'timeout') return timedOut(who)
  return null
}

/** The SDK wraps a refused redirect as a connection error: find it in the cause chain. */
function redirectIn(err: unknown): RedirectRefusedError | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof RedirectRefusedError) return e
  }
  return undefined
}
