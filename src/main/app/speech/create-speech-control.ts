import type { Settings } from '@shared/settings'
import { enginesFromSettings, type KeyForUrl } from '../../engine/speech/engine-from-settings'
import { SpeechQueue } from '../../engine/speech/speech-queue'
import type { SpeechControl } from './speech-control'

/**
 * The app's one voice, configured from settings and re-applied when they
 * change. Only a change of engine (or of the provider voice's endpoint)
 * builds a new engine: a theme or hotkey change must not drop the next
 * sentence's prepared audio or re-run checks. `keyFor` gives the key saved
 * for a URL's origin, asked at each request (so a key saved later is used
 * without a new engine); a provider voice's key never reaches another host.
 */
export function createSpeechControl(
  initial: Settings['speech'],
  onProblem: (message: string) => void,
  keyFor: KeyForUrl = async () => undefined
): SpeechControl {
  const { engine, fallback } = enginesFromSettings(initial, keyFor)
  const queue = new SpeechQueue({ engine, fallback, voice: initial.voice || undefined, rate: initial.rate })
  let applied = initial
  queue.setMuted(initial.muted)
  queue.onError(onProblem)
  return {
    sink: queue,
    get busyTurns() {
      return queue.busyTurns
    },
    onBusy: (listener) => queue.onBusy(listener),
    stop: () => queue.stop(),
    setMuted: (muted) => queue.setMuted(muted),
    apply: (s) => {
      const newEngine = s.engine !== applied.engine || JSON.stringify(s.provider) !== JSON.stringify(applied.provider)
      if (newEngine || s.voice !== applied.voice || s.rate !== applied.rate) {
        const engines = newEngine ? enginesFromSettings(s, keyFor) : null
        queue.setOptions({
          ...(engines ? { engine: engines.engine, fallback: engines.fallback } : {}),
          voice: s.voice || undefined,
          rate: s.rate
        })
      }
      if (s.muted !== applied.muted) queue.setMuted(s.muted)
      applied = s
    }
  }
}
