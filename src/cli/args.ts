import { parseArgs } from 'node:util'
import type { SpeechEndpoint } from '../main/engine/speech/speech-endpoint'
import { speechEndpointOf } from './speech-args'
import { UsageError } from './usage-error'

export { UsageError }

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

export const usage = `Usage: hark ask [--base-url URL] [--api-key KEY] [--model NAME] [--system TEXT]
                [--speak system|provider|print|none] [--no-stream] [--idle-timeout SECONDS]
                [--turn-timeout SECONDS] [--json] [--speech-base-url URL] [--speech-model NAME]
                [--speech-preset openai|groq|local] [--voice NAME] [--speech-api-key KEY]
                [--speech-instructions TEXT] [--speech-format pcm|wav] PROMPT
       hark --toggle-talk   start or stop push-to-talk in the running app
       hark --quick-prompt  open or close the quick-prompt popup in the running app

--speak provider speaks with an OpenAI-compatible POST {speech-base-url}/audio/speech
(default: the preset's, else the chat base URL); if it fails, the system voice speaks
the rest. --speech-preset fills in the base URL, model, voice and format of OpenAI,
Groq or a local server (Kokoro-FastAPI's port 8880); the other flags override it.
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
      'speech-preset': { type: 'string' },
      'speech-model': { type: 'string' },
      voice: { type: 'string' },
      'speech-api-key': { type: 'string' },
      'speech-instructions': { type: 'string' },
      'speech-format': { type: 'string' }
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

function parseSeconds(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${flag} must be a positive number of seconds (got '${raw}')`)
  return n
}
