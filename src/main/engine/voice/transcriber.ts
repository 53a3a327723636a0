import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, toFile } from 'openai'
import type { ErrorKind } from '../../../shared/turn-events'
import { hostOf } from '../llm/host'
import { originBoundFetch, RedirectRefusedError } from '../http/origin-bound-fetch'

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
 * `fetchImpl` is the one place speech-to-text chooses how it reaches the
 * network; by default redirects never carry the audio or key to another origin.
 */
export function createTranscriber(config: SttConfig, fetchImpl: typeof fetch = originBoundFetch): Transcribe {
  const client = new OpenAI({
    fetch: fetchImpl,
    baseURL: config.baseUrl,
    // Local whisper servers take no key, but the SDK refuses an empty one.
    apiKey: config.apiKey || 'no-key',
    timeout: config.timeoutMs ?? 30_000,
    maxRetries: 1
  })
  return async (wav, signal) => {
    try {
      const file = await toFile(wav, 'speech.wav', { type: 'audio/wav' })
      const language = config.language?.trim()
      const result = await client.audio.transcriptions.create(
        { file, model: config.model, response_format: 'json', ...(language ? { language } : {}) },
        { signal }
      )
      return (typeof result === 'string' ? result : (result.text ?? '')).trim()
    } catch (err) {
      throw classify(err, config)
    }
  }
}

function classify(err: unknown, config: SttConfig): TranscriptionError {
  const where = hostOf(config.baseUrl)
  if (err instanceof APIUserAbortError) return new TranscriptionError('aborted', 'Transcription cancelled.')
  const redirect = redirectIn(err)
  if (redirect) {
    return new TranscriptionError(
      'redirect',
      `Speech-to-text at ${where} redirected the recording to ${redirect.to?.host ?? 'an unknown address'}; Hark does not send audio or keys to another server. If that server is the right one, set it as the speech-to-text endpoint.`
    )
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new TranscriptionError('timeout', `Speech-to-text at ${where} did not answer in time.`)
  }
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

/** The SDK wraps a refused redirect as a connection error: find it in the cause chain. */
function redirectIn(err: unknown): RedirectRefusedError | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof RedirectRefusedError) return e
  }
  return undefined
}
