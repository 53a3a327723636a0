import type { MicTestResult } from '../../../shared/ipc/voice'
import type { Capture } from './microphone'
import { MicrophoneError } from './microphone-error'
import { displayLevel, rms } from './level-meter'

/**
 * Settings' microphone test: records a few seconds through the recorder that
 * push-to-talk uses, reports the level as it goes, and says in plain words
 * whether anything was heard. Keeps no audio: only the loudest level.
 */

export interface MicCheckOptions {
  /** starts the recorder (it throws a MicrophoneError when it cannot) */
  start: (onChunk: (pcm: Buffer) => void) => Capture
  ms: number
  onLevel: (level: number) => void
}

/** Loud enough to be a voice, not the hiss of an open input: where voice activity may start. */
const HEARD_RMS = 0.012

export async function checkMicrophone({ start, ms, onLevel }: MicCheckOptions): Promise<MicTestResult> {
  let loudest = 0
  try {
    const capture = start((pcm) => {
      const level = rms(pcm)
      loudest = Math.max(loudest, level)
      onLevel(displayLevel(level))
    })
    const timer = setTimeout(() => capture.stop(), ms)
    try {
      await capture.ended
    } finally {
      clearTimeout(timer)
    }
  } catch (err) {
    return { heard: false, peak: 0, message: failureMessage(err) }
  }
  const peak = displayLevel(loudest)
  if (loudest >= HEARD_RMS) return { heard: true, peak, message: 'The microphone works: Hark heard you.' }
  return {
    heard: false,
    peak,
    message:
      'Nothing was heard. Check that the right input device is chosen, that it is not muted, and speak while the test runs.'
  }
}

function failureMessage(err: unknown): string {
  if (err instanceof MicrophoneError) return err.message
  return `The microphone test failed: ${err instanceof Error ? err.message : String(err)}`
}
