import { providerEngines, systemEngines } from '../main/engine/speech/engine-from-settings'
import { ProviderEngine } from '../main/engine/speech/provider-engine'
import type { SpeechEndpoint } from '../main/engine/speech/speech-endpoint'
import { SpeechQueue } from '../main/engine/speech/speech-queue'
import type { SpeechSink, TtsEngine } from '../main/engine/speech/speech-types'
import type { SpeakMode } from './args'

/** `--speak print`: each utterance becomes a line on stderr, in queue order, instead of audio. */
function printEngine(out: NodeJS.WritableStream): TtsEngine {
  return {
    name: 'print',
    check: async () => null,
    speak: async (text) => {
      out.write(`${text}\n`)
    }
  }
}

export function createCliSpeech(
  mode: SpeakMode,
  stderr: NodeJS.WritableStream,
  endpoint: SpeechEndpoint | null = null
): SpeechSink | null {
  if (mode === 'none') return null
  if (mode === 'provider' && endpoint) return new SpeechQueue(providerEngines(new ProviderEngine(endpoint)))
  if (mode === 'print') return new SpeechQueue({ engine: printEngine(stderr) })
  return new SpeechQueue(systemEngines('auto'))
}
