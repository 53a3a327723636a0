import { performance } from 'node:perf_hooks'
import type { SpeechQueue } from '../../src/main/engine/speech/speech-queue'
import type { SpeechEvent } from '../../src/main/engine/speech/speech-types'
import { firstSoundAfter, lastSoundBefore, startCapture } from '../../test/support/pulse'

export interface DeadAir {
  /** ms of silence on the sink between one sentence's last sound and the next one's first */
  gaps: number[]
  /** ms from queueing everything to the first sound */
  firstSound: number[]
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Queue all the sentences at once on a fresh queue, `runs` times, and measure the silences between them on the sink. */
export async function measureDeadAir(
  makeQueue: () => SpeechQueue,
  sentences: string[],
  runs: number
): Promise<DeadAir> {
  const result: DeadAir = { gaps: [], firstSound: [] }
  for (let run = 0; run < runs; run++) {
    const queue = makeQueue()
    const startedAt: number[] = []
    const errors: string[] = []
    queue.onEvent((e: SpeechEvent) => e.state === 'started' && (startedAt[e.index] = performance.now()))
    queue.onError((m) => errors.push(m))
    const capture = await startCapture()
    const t0 = performance.now()
    sentences.forEach((text, index) => queue.enqueue({ turnId: `gap-${t0}`, index, text }))
    await queue.idle()
    await sleep(300)
    const rec = await capture.stop()
    if (errors.length) throw new Error(`speech failed: ${errors.join('; ')}`)
    result.firstSound.push((firstSoundAfter(rec, t0) ?? NaN) - t0)
    // Sentence i's player has exited before i+1 has sound, so every sound of i lies before i+1's 'started'.
    for (let i = 1; i < sentences.length; i++) {
      const boundary = startedAt[i]!
      const end = lastSoundBefore(rec, boundary)
      const next = firstSoundAfter(rec, boundary)
      if (end !== null && next !== null) result.gaps.push(next - end)
    }
  }
  return result
}
