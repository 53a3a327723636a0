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
  if (speech.engine !== 'provider') return systemEngines(speech.engine)
  const p = speech.provider
  const endpoint = {
    baseUrl: p.baseUrl,
    apiKey: async () => (await keyFor(p.baseUrl)) ?? '',
    model: p.model,
    voice: p.voice,
    instructions: p.instructions,
    format: p.format
  }
  return providerEngines(new ProviderEngine(endpoint, { preset: p.preset }))
}

/** A system voice by name (`auto` picks one), with the synthesiser that speaks when speech-dispatcher fails. */
export function systemEngines(name: Exclude<Settings['speech']['engine'], 'provider'>): SpeechEngines {
  const engine = createTtsEngine(name)
  const fallback = fallbackFor(engine)
  return fallback ? { engine, fallback } : { engine }
}

/** A provider voice, with the system voice for the rest of an answer it fails. */
export function providerEngines(engine: ProviderEngine): SpeechEngines {
  return { engine, fallback: createTtsEngine('auto') }
}
