import { parseArgs } from 'node:util'

export type SpeakMode = 'system' | 'print' | 'none'

export interface AskArgs {
  prompt: string
  baseUrl: string
  apiKey: string
  model: string
  system: string | undefined
  speak: SpeakMode
  stream: boolean
  idleTimeoutMs: number
  json: boolean
}

export class UsageError extends Error {}

export const usage = `Usage: hark ask [--base-url URL] [--api-key KEY] [--model NAME] [--system TEXT]
                [--speak system|print|none] [--no-stream] [--idle-timeout SECONDS] [--json] PROMPT
       hark --toggle-talk   start or stop push-to-talk in the running app
       hark --quick-prompt  open or close the quick-prompt popup in the running app

Environment: OPENAI_BASE_URL, OPENAI_API_KEY, HARK_MODEL (flags win).`

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
      json: { type: 'boolean', default: false }
    }
  })
  const prompt = positionals.join(' ').trim()
  if (!prompt) throw new UsageError('a prompt is required')
  const speak = values.speak
  if (speak !== 'system' && speak !== 'print' && speak !== 'none') {
    throw new UsageError(`--speak must be system, print or none (got '${speak}')`)
  }
  return {
    prompt,
    baseUrl: values['base-url'] ?? env['OPENAI_BASE_URL'] ?? DEFAULT_BASE_URL,
    apiKey: values['api-key'] ?? env['OPENAI_API_KEY'] ?? '',
    model: values.model ?? env['HARK_MODEL'] ?? DEFAULT_MODEL,
    system: values.system,
    speak,
    stream: !values['no-stream'],
    idleTimeoutMs: parseSeconds(values['idle-timeout'], 30) * 1000,
    json: values.json
  }
}

function parseSeconds(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--idle-timeout must be a positive number of seconds (got '${raw}')`)
  return n
}
