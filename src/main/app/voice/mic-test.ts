import type { MicTestResult } from '@shared/ipc/voice'
import { checkMicrophone } from '../../engine/voice/mic-check'
import { startCapture as realStartCapture, type StartCapture } from '../../engine/voice/microphone'
import { chooseRecorder } from '../../engine/voice/recorder-binary'
import type { AppContext } from '../app-context'
import { UserFacingError } from '../ipc/user-facing-error'
import { MICROPHONE_DENIED, microphoneAllowed } from './microphone-access'

export const MIC_TEST_MS = 4000

export interface MicTestOptions {
  start?: StartCapture
  allowed?: () => Promise<boolean>
  ms?: number
}

/**
 * Settings → Voice input → Test microphone: the saved recorder and device
 * (chosen from the recorder's own list, never named by the page), the same
 * capture push-to-talk uses, and the level published through the voice hub
 * with `micTest` set, so the window's meter follows the one voice state.
 * Push-to-talk wins: once it publishes, the test stops showing its level.
 */
export function createMicTest(
  ctx: Pick<AppContext, 'settings' | 'voice'>,
  { start = realStartCapture, allowed = microphoneAllowed, ms = MIC_TEST_MS }: MicTestOptions = {}
): () => Promise<MicTestResult> {
  let running = false
  const testing = (): boolean => ctx.voice.status.micTest === true
  return async () => {
    if (running || ctx.voice.status.state !== 'idle')
      throw new UserFacingError('The microphone is in use right now. Try the test again in a moment.', 'busy')
    if (!(await allowed())) return { heard: false, peak: 0, message: MICROPHONE_DENIED }
    running = true
    const v = ctx.settings.get().voiceInput
    ctx.voice.publish({ state: 'idle', level: 0, micTest: true })
    try {
      return await checkMicrophone({
        start: (onChunk) => start({ recorder: chooseRecorder(v.recorder), device: v.device }, onChunk),
        ms,
        onLevel: (level) => testing() && ctx.voice.publish({ state: 'idle', level, micTest: true })
      })
    } finally {
      running = false
      if (testing()) ctx.voice.publish({ state: 'idle', level: 0 })
    }
  }
}
