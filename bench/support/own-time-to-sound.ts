import { performance } from 'node:perf_hooks'
import { startCapture } from '../../test/support/pulse'
import type { TtsEngine } from '../../src/main/engine/speech/speech-types'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** A voice's own speak() → first sound on the sink for `text`, in the state a turn finds it (warmed). */
export async function ownTimeToSound(engine: TtsEngine, text: string): Promise<number> {
  engine.warm?.({})
  await sleep(1000)
  const capture = await startCapture()
  const t0 = performance.now()
  const controller = new AbortController()
  const spoken = engine.speak(text, { signal: controller.signal }).catch(() => {})
  try {
    return (await capture.waitForSound(20_000, t0)) - t0
  } finally {
    controller.abort()
    await spoken
    await capture.stop()
    await sleep(300)
  }
}
