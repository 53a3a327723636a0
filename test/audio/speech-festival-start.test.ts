import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { createFestivalEngine } from '../../src/main/engine/speech/festival-engine'
import { SpeechQueue } from '../../src/main/engine/speech/speech-queue'
import { firstSoundAfter, startCapture, type Capture } from '../support/pulse'

const SENTENCE = 'Paris is the capital of France.'

let capture: Capture | null = null
afterEach(async () => {
  await capture?.stop()
  capture = null
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** ms from speak() to the first sound on the sink monitor. */
async function speakToSound(warmStart: boolean): Promise<number> {
  const engine = createFestivalEngine({ warmStart })
  if (warmStart) {
    engine.warm({})
    await sleep(1000) // the model is still thinking: festival loads meanwhile
  }
  capture = await startCapture()
  const t0 = performance.now()
  await engine.speak(SENTENCE, { signal: new AbortController().signal })
  await sleep(200)
  const rec = await capture.stop()
  capture = null
  const heard = firstSoundAfter(rec, t0)
  if (heard === null) throw new Error('festival was not heard on the sink')
  return heard - t0
}

describe('festival starts sooner', () => {
  it('a synthesiser started ahead of the text makes the first sound come sooner than a cold start', async () => {
    const cold: number[] = []
    const warm: number[] = []
    for (let i = 0; i < 2; i++) {
      cold.push(await speakToSound(false))
      warm.push(await speakToSound(true))
    }
    console.log(`[audio] festival speak → sound: cold ${cold.map(Math.round)} ms, warm ${warm.map(Math.round)} ms`)
    // start-up and voice load are 170–220 ms of a cold start
    expect(Math.min(...warm)).toBeLessThan(Math.min(...cold) - 120)
  })

  it("'started' comes when the sound does, not when the text is handed to festival", async () => {
    const queue = new SpeechQueue({ engine: createFestivalEngine() })
    let startedAt = NaN
    let enqueuedAt = NaN
    queue.onEvent((e) => e.state === 'started' && (startedAt = performance.now()))
    capture = await startCapture()
    enqueuedAt = performance.now()
    queue.enqueue({ turnId: 's', index: 0, text: SENTENCE })
    await queue.idle()
    await sleep(200)
    const rec = await capture.stop()
    capture = null
    const heard = firstSoundAfter(rec, enqueuedAt)
    expect(heard).not.toBeNull()
    console.log(
      `[audio] festival started → sound ${Math.round(heard! - startedAt)} ms (enqueue → sound ${Math.round(heard! - enqueuedAt)} ms)`
    )
    // festival takes hundreds of ms to synthesise: a 'started' at hand-over would come that much before the sound
    expect(heard! - startedAt).toBeLessThan(200)
    expect(heard! - startedAt).toBeGreaterThan(-50)
  })
})
