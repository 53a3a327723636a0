import { TtsError } from './speech-types'

export {
  SPEECH_PRESETS,
  takesInstructions,
  type SpeechPreset,
  type SpeechPresetId
} from '../../../shared/speech-presets'
import { takesInstructions } from '../../../shared/speech-presets'

/**
 * An OpenAI-compatible `POST {baseUrl}/audio/speech`: OpenAI, Groq, and local
 * servers such as Kokoro-FastAPI or Speaches. The key belongs to the base
 * URL's origin; the app looks it up for that origin, when each request is
 * made, and nothing here ever sends it anywhere else.
 */
export interface SpeechEndpoint {
  baseUrl: string
  /** for baseUrl's origin only, or how to look it up when a request is made; '' for servers that need none */
  apiKey: string | (() => Promise<string>)
  model: string
  voice: string
  /** how the voice should sound; sent only to models that take it */
  instructions?: string
  format: 'pcm' | 'wav'
}

/** OpenAI's `pcm`: 24 kHz, 16-bit little-endian, mono; the local servers follow it. */
export const PCM_RATE = 24_000
/** OpenAI's speed range. */
const MIN_SPEED = 0.25
const MAX_SPEED = 4
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:+\-/ ]{0,127}$/

/** The key to send with the next request. */
export function endpointKey(endpoint: Pick<SpeechEndpoint, 'apiKey'>): Promise<string> {
  return typeof endpoint.apiKey === 'string' ? Promise.resolve(endpoint.apiKey) : endpoint.apiKey()
}

/** The endpoint's URL, or a TtsError: only http(s), and no credentials in it. */
export function speechUrl(baseUrl: string, path: string): URL {
  let url: URL
  try {
    url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`)
  } catch {
    throw new TtsError(`speech endpoint "${baseUrl}" is not a URL`, 'failed')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TtsError(`speech endpoint must be http or https, got ${url.protocol}`, 'failed')
  if (url.username || url.password) throw new TtsError('speech endpoint URL must not carry credentials', 'failed')
  return url
}

/** The JSON body of one request; model and voice are checked so a typo gets a clear message. */
export function speechRequestBody(endpoint: SpeechEndpoint, text: string, rate: number | undefined): string {
  if (!NAME.test(endpoint.model)) throw new TtsError(`invalid speech model "${endpoint.model}"`, 'failed')
  if (!NAME.test(endpoint.voice)) throw new TtsError(`invalid speech voice "${endpoint.voice}"`, 'failed')
  const body: Record<string, string | number> = {
    model: endpoint.model,
    input: text,
    voice: endpoint.voice,
    response_format: endpoint.format
  }
  if (rate !== undefined && rate !== 1) body['speed'] = Math.min(MAX_SPEED, Math.max(MIN_SPEED, rate))
  const instructions = endpoint.instructions?.trim()
  if (instructions && takesInstructions(endpoint.model)) body['instructions'] = instructions.slice(0, 4000)
  return JSON.stringify(body)
}

/** Voice names from a `GET /audio/voices` answer: `{voices: [...]}` or `{data: [...]}`, strings or `{id|voice_id|name}`. */
export function parseVoiceList(json: unknown): string[] {
  const root = json as { voices?: unknown; data?: unknown } | null
  const list = Array.isArray(json) ? json : Array.isArray(root?.voices) ? root.voices : root?.data
  if (!Array.isArray(list)) return []
  const names = list.map((v: unknown) => {
    if (typeof v === 'string') return v
    const o = v as { id?: unknown; voice_id?: unknown; name?: unknown } | null
    return [o?.id, o?.voice_id, o?.name].find((x): x is string => typeof x === 'string')
  })
  return [...new Set(names.filter((n): n is string => !!n && NAME.test(n)))].slice(0, 500)
}
