import type { Settings } from '../../shared/settings'
import { SpeechQueue } from '../engine/speech/speech-queue'
import type { SpeechControl } from './speech-control'

/** The app's one voice, configured from settings and re-applied when they change. */
export function createSpeechControl(initial: Settings['speech'], onProblem: (message: string) => void): SpeechControl {
  const queue = new SpeechQueue({ engine: initial.engine, voice: initial.voice || undefined, rate: initial.rate })
  queue.setMuted(initial.muted)
  queue.onError(onProblem)
  return {
    sink: queue,
    stop: () => queue.stop(),
    setMuted: (muted) => queue.setMuted(muted),
    apply: (s) => {
      queue.setOptions({ engine: s.engine, voice: s.voice || undefined, rate: s.rate })
      queue.setMuted(s.muted)
    }
  }
}
