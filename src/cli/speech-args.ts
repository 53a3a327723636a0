import { SPEECH_PRESETS, type SpeechEndpoint, type SpeechPreset } from '../main/engine/speech/speech-endpoint'
import { originOf } from '../shared/url-origin'
import { UsageError } from './usage-error'

/** The presets a user can name on the command line ('custom' is what the other flags make). */
const CLI_PRESETS = ['openai', 'groq', 'local'] as const

/** Without a preset, the endpoint is the chat's, with OpenAI's model and voice names. */
const NO_PRESET: Pick<SpeechPreset, 'model' | 'voice' | 'format'> = SPEECH_PRESETS.openai

export interface SpeechFlags {
  'speech-base-url'?: string | undefined
  'speech-preset'?: string | undefined
  'speech-model'?: string | undefined
  voice?: string | undefined
  'speech-api-key'?: string | undefined
  'speech-instructions'?: string | undefined
  'speech-format'?: string | undefined
}

/**
 * `--speak provider`'s endpoint: flags beat the environment, which beats the
 * preset. The chat key goes along only to the chat endpoint's own origin.
 */
export function speechEndpointOf(
  flags: SpeechFlags,
  env: NodeJS.ProcessEnv,
  chatUrl: string,
  chatKey: string
): SpeechEndpoint {
  const preset = presetOf(flags['speech-preset'])
  const baseUrl = flags['speech-base-url'] ?? env['HARK_SPEECH_BASE_URL'] ?? preset?.baseUrl ?? chatUrl
  const fill = preset ?? NO_PRESET
  const format = flags['speech-format'] ?? fill.format
  if (format !== 'pcm' && format !== 'wav') throw new UsageError(`--speech-format must be pcm or wav (got '${format}')`)
  const explicitKey = flags['speech-api-key'] ?? env['HARK_SPEECH_API_KEY']
  return {
    baseUrl,
    apiKey: explicitKey ?? (sameOrigin(baseUrl, chatUrl) ? chatKey : ''),
    model: flags['speech-model'] ?? fill.model,
    voice: flags.voice ?? fill.voice,
    instructions: flags['speech-instructions'] ?? '',
    format
  }
}

function presetOf(name: string | undefined): SpeechPreset | null {
  if (name === undefined) return null
  const id = CLI_PRESETS.find((p) => p === name)
  if (!id) throw new UsageError(`--speech-preset must be ${CLI_PRESETS.join(', ')} (got '${name}')`)
  return SPEECH_PRESETS[id]
}

/** Both http(s), with one origin: the only case a key bound to one may go to the other. */
function sameOrigin(a: string, b: string): boolean {
  const origin = originOf(a)
  return origin !== null && origin === originOf(b)
}
