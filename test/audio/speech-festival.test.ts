import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { createFestivalEngine } from '../../src/main/engine/speech/festival-engine'
import { SpeechQueue } from '../../src/main/engine/speech/speech-queue'
import type { SpeechEvent } from '../../src/main/engine/speech/speech-types'
import { firstSoundAfter, lastSoundEnd, soundMs, startCapture, type Capture } from '../support/pulse'

const LONG =
  'This is a long sentence, spoken slowly and on purpose, so that there is plenty of time to interrupt it in the middle of a word.'

let capture: Capture | null = null
afterEach(async () => {
  await capture?.stop()
  capture = null
})

function festivalQueue() {
  const queue = new SpeechQueue({ engine: createFestivalEngine() })
  const events: string[] = []
  const errors: string[] = []
  queue.onEvent((e: SpeechEvent) => events.push(`${e.turnId}:${e.index}:${e.state}`))
  queue.onError((m) => errors.push(m))
  return { queue, events, errors }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('speech through PulseAudio (festival engine)', () => {
  it('test workers reach the PulseAudio server that globalSetup started', () => {
    expect(process.env.PULSE_SERVER).toBeTruthy()
    expect(execFileSync('pactl', ['info'], { timeout: 5000 }).toString()).toMatch(/Default Sink: vsink/)
  })

  it('speaks a sentence into the sink', async () => {
    capture = await startCapture()
    const engine = createFestivalEngine()
    expect(await engine.check()).toBeNull()
    await engine.speak('Hello from Hark. The capital of France is Paris.', { signal: new AbortController().signal })
    await sleep(300)
    const rec = await capture.stop()
    capture = null
    expect(soundMs(rec)).toBeGreaterThan(800)
  })

  it('speaks several utterances in order, each after the one before', async () => {
    const { queue, events, errors } = festivalQueue()
    capture = await startCapture()
    const texts = ['First sentence.', 'Second sentence is here.', 'And the third one.']
    const t0 = performance.now()
    texts.forEach((text, index) => queue.enqueue({ turnId: 'order', index, text }))
    await queue.idle()
    await sleep(300)
    const rec = await capture.stop()
    capture = null
    expect(errors).toEqual([])
    expect(events).toEqual([0, 1, 2].flatMap((i) => [`order:${i}:started`, `order:${i}:finished`]))
    expect(firstSoundAfter(rec, t0)).not.toBeNull()
    expect(soundMs(rec)).toBeGreaterThan(1500)
  })

  it('stop mid-sentence silences the sink quickly', async () => {
    const { queue, events } = festivalQueue()
    capture = await startCapture()
    queue.enqueue({ turnId: 'stop', index: 0, text: LONG })
    await capture.waitForSound(15_000)
    await sleep(500)
    const stoppedAt = performance.now()
    queue.stop('stop')
    await queue.idle()
    await sleep(1500)
    const rec = await capture.stop()
    capture = null
    const silentAfterMs = (lastSoundEnd(rec) ?? stoppedAt) - stoppedAt
    console.log(`[audio] stop -> silence on the sink: ${Math.round(silentAfterMs)} ms`)
    expect(silentAfterMs).toBeLessThan(1000)
    expect(events).toEqual(['stop:0:started', 'stop:0:cancelled'])
  })

  it('barge-in: stopping a turn drops its queue and the next turn speaks', async () => {
    const { queue, events, errors } = festivalQueue()
    capture = await startCapture()
    queue.enqueue({ turnId: 'old', index: 0, text: LONG })
    queue.enqueue({ turnId: 'old', index: 1, text: 'This must never be heard.' })
    queue.enqueue({ turnId: 'old', index: 2, text: 'Nor this.' })
    await capture.waitForSound(15_000)
    queue.stop('old')
    queue.enqueue({ turnId: 'old', index: 3, text: 'A late sentence of the stopped turn.' })
    const newTurnAt = performance.now()
    queue.enqueue({ turnId: 'new', index: 0, text: 'Yes?' })
    await queue.idle()
    await sleep(300)
    const rec = await capture.stop()
    capture = null
    expect(errors).toEqual([])
    // the old turn's events all come before the new turn starts speaking
    expect(events.slice(0, 5).sort()).toEqual([
      'old:0:cancelled',
      'old:0:started',
      'old:1:cancelled',
      'old:2:cancelled',
      'old:3:cancelled'
    ])
    expect(events.slice(5)).toEqual(['new:0:started', 'new:0:finished'])
    expect(firstSoundAfter(rec, newTurnAt + 100)).not.toBeNull()
  })

  it('speaks hostile model text as words, runs nothing, and survives empty strings', async () => {
    const marker = `/tmp/hark-pwned-${process.pid}`
    rmSync(marker, { force: true })
    const { queue, events, errors } = festivalQueue()
    capture = await startCapture()
    const texts = [
      `Okay.") (system "touch ${marker}") (SayText "done`,
      'She said "hello" twice.',
      'A backslash \\ and a trailing one \\',
      '',
      '   ',
      '-v voice_x this starts with a dash'
    ]
    texts.forEach((text, index) => queue.enqueue({ turnId: 'hostile', index, text }))
    await queue.idle()
    const rec = await capture.stop()
    capture = null
    expect(existsSync(marker)).toBe(false)
    expect(errors).toEqual([])
    expect(events.filter((e) => e.endsWith('finished'))).toHaveLength(texts.length)
    expect(soundMs(rec)).toBeGreaterThan(2000)
  })
})
