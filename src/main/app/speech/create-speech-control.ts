import type { Settings } from '@shared/settings'
import { SpeechQueue } from '../../engine/speech/speech-queue'
import type { SpeechControl } from './speech-control'

/**
 * The app's one voice, configured from settings and re-applied when they
 * change. Only a change of engine builds a new engine: a theme or hotkey
 * change must not drop the next sentence's prepared audio or re-run checks.
 */
export function createSpeechControl(initial: Settings['speech'], onProblem: (message: string) => void): SpeechControl {
  const queue = new SpeechQueue({ engine: initial.engine, voice: initial.voice || undefined, rate: initial.rate })
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
      if (s.engine !== applied.engine || s.voice !== applied.voice || s.rate !== applied.rate) {
        queue.setOptions({
          ...(s.engine !== applied.engine ? { engine: s.engine } : {}),
          voice: s.voice || undefined,
          rate: s.rate
        })
      }
      if (s.muted !== applied.muted) queue.setMuted(s.muted)
      applied = s
    }
  }
}
