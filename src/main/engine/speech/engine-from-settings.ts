import type { Settings } from '../../../shared/settings'
import { createTtsEngine, fallbackFor } from './create-tts-engine'
import { ProviderEngine } from './provider-engine'
import type { TtsEngine } from './speech-types'

/** The key saved for a URL's origin, if any: the only key that URL may ever see. Asked at each request. */
export type KeyForUrl = (url: string) => Promise<string | undefined>

export interface SpeechEngines {
  engine: TtsEngine
  /** speaks the rest of an answer when `engine` fails: the system voice, for a provider voice */
  fallback?: TtsEngine
}

/**
 * The engine the speech settings name; a provider voice comes with the system
 * voice as its fallback, speech-dispatcher with the installed synthesiser.
 */
export function enginesFromSettings(
  speech: Settings['speech'],
  keyFor: KeyForUrl = async () => undefined
): SpeechEngines {
  if (speech.engine !== 'provider') {
    const engine = createTtsEngine(speech.engine)
    const fallback = fallbackFor(engine)
    return fallback ? { engine, fallback } : { engine }
  }
  const p = speech.provider
  const endpoint = {
    baseUrl: p.baseUrl,
    apiKey: async () => (await keyFor(p.baseUrl)) ?? '',
    model: p.model,
    voice: p.voice,
    instructions: p.instructions,
    format: p.format
  }
  return { engine: new ProviderEngine(endpoint, { preset: p.preset }), fallback: createTtsEngine('auto') }
}
