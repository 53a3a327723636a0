import { describe, expect, it } from 'vitest'
import { SpeechQueue } from '../../../../src/main/engine/speech/speech-queue'
import type { SpeechEvent } from '../../../../src/main/engine/speech/speech-types'
import { FakeTtsEngine } from './fake-tts-engine'

/**
 * A warm voice (festival waiting for text, a player holding a sound-server
 * stream) is let go once it has nothing to say: at Stop, at Mute, a short
 * while after the last utterance, and when settings replace the engine.
 */

/** Long enough that only the queue's own decisions release within a test, unless a test shortens it. */
const NEVER_MS = 60_000

function setup(releaseAfterIdleMs = NEVER_MS, engine = new FakeTtsEngine()) {
  const queue = new SpeechQueue({ engine, releaseAfterIdleMs })
  const events: string[] = []
  queue.onEvent((e: SpeechEvent) => events.push(`${e.turnId}:${e.index}:${e.state}`))
  return { queue, engine, events }
}

const item = (turnId: string, index: number) => ({ turnId, index, text: `${turnId} sentence ${index}.` })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('SpeechQueue lets the warm voice go', () => {
  it('at Stop while the answer is still being thought of', () => {
    const { queue, engine } = setup()
    queue.warm()
    queue.stop('t')
    expect(engine.warmth).toEqual(['warm', 'release'])
  })

  it('at Stop between two sentences, when nothing sounds', async () => {
    const { queue, engine, events } = setup()
    queue.warm()
    queue.enqueue(item('t', 0))
    ;(await engine.call(0)).finish()
    await queue.idle()
    expect(engine.warmth).toEqual(['warm'])
    queue.stop('t')
    expect(engine.warmth).toEqual(['warm', 'release'])
    expect(events).toEqual(['t:0:started', 't:0:finished'])
  })

  it('at Stop mid-sentence, and the stopped sentence still ends exactly once', async () => {
    const { queue, engine, events } = setup()
    queue.enqueue(item('t', 0))
    queue.enqueue(item('t', 1))
    await engine.call(0)
    queue.stop()
    expect(engine.warmth).toEqual(['release'])
    await queue.idle()
    expect(events).toEqual(['t:0:started', 't:1:cancelled', 't:0:cancelled'])
  })

  it('not at a Stop of one turn while another turn still has something to say', async () => {
    const { queue, engine } = setup()
    queue.enqueue(item('a', 0))
    queue.enqueue(item('b', 0))
    await engine.call(0)
    queue.stop('a')
    ;(await engine.call(1)).finish()
    await queue.idle()
    expect(engine.warmth).toEqual([])
  })

  it('at Mute', async () => {
    const { queue, engine } = setup()
    queue.warm()
    queue.setMuted(true)
    expect(engine.warmth).toEqual(['warm', 'release'])
  })

  it('a short while after the last sentence of an answer, not between its sentences', async () => {
    const { queue, engine } = setup(150)
    queue.warm()
    queue.enqueue(item('t', 0))
    ;(await engine.call(0)).finish()
    await queue.idle()
    await sleep(100) // the model is slower than the voice: the next sentence comes later
    queue.enqueue(item('t', 1))
    ;(await engine.call(1)).finish()
    await queue.idle()
    await sleep(100) // longer than the while since the first sentence ended, shorter than since the last
    expect(engine.warmth).toEqual(['warm'])
    await sleep(1000)
    expect(engine.warmth).toEqual(['warm', 'release'])
  })

  it('not when the next turn warms the voice within that while', async () => {
    const { queue, engine } = setup(150)
    queue.enqueue(item('t', 0))
    ;(await engine.call(0)).finish()
    await queue.idle()
    queue.warm()
    await sleep(500)
    expect(engine.warmth).toEqual(['warm'])
  })

  it('of an engine replaced in settings at once, and again once its last sentence has ended', async () => {
    const { queue, engine: old } = setup()
    const next = new FakeTtsEngine()
    queue.enqueue(item('t', 0))
    const speaking = await old.call(0)
    queue.setOptions({ engine: next })
    expect(old.warmth).toEqual(['release'])
    speaking.finish() // it warmed a player for a next sentence that will never be its own
    await queue.idle()
    expect(old.warmth).toEqual(['release', 'release'])
    expect(next.warmth).toEqual([])
  })

  it('of a replaced fallback, but never of the engine that stays', () => {
    const engine = new FakeTtsEngine()
    const fallback = new FakeTtsEngine()
    const queue = new SpeechQueue({ engine, fallback, releaseAfterIdleMs: NEVER_MS })
    queue.setOptions({ fallback: new FakeTtsEngine(), voice: 'other' })
    expect(fallback.warmth).toEqual(['release'])
    expect(engine.warmth).toEqual([])
  })
})

describe('SpeechQueue after a release', () => {
  it('a stopped answer ending later arms no second release for what was warmed since', async () => {
    const { queue, engine } = setup(100)
    queue.enqueue(item('t', 0))
    await engine.call(0)
    queue.stop() // released now; the stopped sentence ends after this
    await queue.idle()
    engine.warm() // warmed directly (another user of the engine), not through this queue
    await sleep(400)
    expect(engine.warmth).toEqual(['release', 'warm'])
  })
})
