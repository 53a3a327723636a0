import { parseArgs } from 'node:util'
import type { SpeechEndpoint } from '../main/engine/speech/speech-endpoint'

export type SpeakMode = 'system' | 'provider' | 'print' | 'none'

export interface AskArgs {
  prompt: string
  baseUrl: string
  apiKey: string
  model: string
  system: string | undefined
  speak: SpeakMode
  /** set for --speak provider */
  speechEndpoint: SpeechEndpoint | null
  stream: boolean
  idleTimeoutMs: number
  turnTimeoutMs: number
  json: boolean
}

export class UsageError extends Error {}

export const usage = `Usage: hark ask [--base-url URL] [--api-key KEY] [--model NAME] [--system TEXT]
                [--speak system|provider|print|none] [--no-stream] [--idle-timeout SECONDS]
                [--turn-timeout SECONDS] [--json] [--speech-base-url URL] [--speech-model NAME]
                [--voice NAME] [--speech-api-key KEY] [--speech-instructions TEXT]
                [--speech-format pcm|wav] PROMPT
       hark --toggle-talk   start or stop push-to-talk in the running app
       hark --quick-prompt  open or close the quick-prompt popup in the running app

--speak provider speaks with an OpenAI-compatible POST {speech-base-url}/audio/speech
(default: the chat base URL); if it fails, the system voice speaks the rest.
Environment: OPENAI_BASE_URL, OPENAI_API_KEY, HARK_MODEL, HARK_SPEECH_BASE_URL,
HARK_SPEECH_API_KEY (flags win). OPENAI_API_KEY reaches the speech endpoint only
when it has the chat endpoint's origin.`

const DEFAULT_BASE_URL = 'https://api.openai.com/v1'
const DEFAULT_MODEL = 'gpt-4o-mini'

/** Parses `hark ask …`. Flags beat the environment; the environment beats defaults. */
export function parseAskArgs(argv: string[], env: NodeJS.ProcessEnv): AskArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'base-url': { type: 'string' },
      'api-key': { type: 'string' },
      model: { type: 'string' },
      system: { type: 'string' },
      speak: { type: 'string', default: 'system' },
      'no-stream': { type: 'boolean', default: false },
      'idle-timeout': { type: 'string' },
      'turn-timeout': { type: 'string' },
      json: { type: 'boolean', default: false },
      'speech-base-url': { type: 'string' },
      'speech-model': { type: 'string', default: 'gpt-4o-mini-tts' },
      voice: { type: 'string', default: 'coral' },
      'speech-api-key': { type: 'string' },
      'speech-instructions': { type: 'string' },
      'speech-format': { type: 'string', default: 'pcm' }
    }
  })
  const prompt = positionals.join(' ').trim()
  if (!prompt) throw new UsageError('a prompt is required')
  const speak = values.speak
  if (speak !== 'system' && speak !== 'provider' && speak !== 'print' && speak !== 'none') {
    throw new UsageError(`--speak must be system, provider, print or none (got '${speak}')`)
  }
  const baseUrl = values['base-url'] ?? env['OPENAI_BASE_URL'] ?? DEFAULT_BASE_URL
  const apiKey = values['api-key'] ?? env['OPENAI_API_KEY'] ?? ''
  return {
    prompt,
    baseUrl,
    apiKey,
    model: values.model ?? env['HARK_MODEL'] ?? DEFAULT_MODEL,
    system: values.system,
    speak,
    speechEndpoint: speak === 'provider' ? speechEndpointOf(values, env, baseUrl, apiKey) : null,
    stream: !values['no-stream'],
    idleTimeoutMs: parseSeconds('idle-timeout', values['idle-timeout'], 30) * 1000,
    turnTimeoutMs: parseSeconds('turn-timeout', values['turn-timeout'], 600) * 1000,
    json: values.json
  }
}

interface SpeechFlags {
  'speech-base-url'?: string | undefined
  'speech-model': string
  voice: string
  'speech-api-key'?: string | undefined
  'speech-instructions'?: string | undefined
  'speech-format': string
}

/** The chat key goes along only to the chat endpoint's own origin. */
function speechEndpointOf(
  flags: SpeechFlags,
  env: NodeJS.ProcessEnv,
  chatUrl: string,
  chatKey: string
): SpeechEndpoint {
  const baseUrl = flags['speech-base-url'] ?? env['HARK_SPEECH_BASE_URL'] ?? chatUrl
  const format = flags['speech-format']
  if (format !== 'pcm' && format !== 'wav') throw new UsageError(`--speech-format must be pcm or wav (got '${format}')`)
  const explicitKey = flags['speech-api-key'] ?? env['HARK_SPEECH_API_KEY']
  return {
    baseUrl,
    apiKey: explicitKey ?? (sameOrigin(baseUrl, chatUrl) ? chatKey : ''),
    model: flags['speech-model'],
    voice: flags.voice,
    instructions: flags['speech-instructions'] ?? '',
    format
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}

function parseSeconds(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${flag} must be a positive number of seconds (got '${raw}')`)
  return n
}
