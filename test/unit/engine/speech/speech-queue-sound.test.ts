import { describe, expect, it } from 'vitest'
import { SpeechQueue } from '../../../../src/main/engine/speech/speech-queue'
import { TtsError, type SpeechEvent } from '../../../../src/main/engine/speech/speech-types'
import { FakeTtsEngine } from './fake-tts-engine'

function setup(engine: FakeTtsEngine, fallback?: FakeTtsEngine) {
  const queue = new SpeechQueue({ engine, ...(fallback ? { fallback } : {}) })
  const events: string[] = []
  const errors: string[] = []
  queue.onEvent((e: SpeechEvent) => events.push(`${e.turnId}:${e.index}:${e.state}`))
  queue.onError((m) => errors.push(m))
  return { queue, events, errors }
}

const item = (turnId: string, index: number) => ({ turnId, index, text: `${turnId} sentence ${index}.` })
const tick = () => new Promise((r) => setTimeout(r, 10))

describe("SpeechQueue 'started' means sound", () => {
  it('says started when the engine reports sound, not when the text is handed over', async () => {
    const engine = new FakeTtsEngine({ holdSound: true })
    const { queue, events } = setup(engine)
    queue.enqueue(item('t', 0))
    const call = await engine.call(0)
    await tick()
    expect(events).toEqual([])
    call.sound()
    expect(events).toEqual(['t:0:started'])
    call.finish()
    await queue.idle()
    expect(events).toEqual(['t:0:started', 't:0:finished'])
  })

  it('an utterance stopped before any sound is cancelled without ever starting', async () => {
    const engine = new FakeTtsEngine({ holdSound: true })
    const { queue, events } = setup(engine)
    queue.enqueue(item('t', 0))
    await engine.call(0)
    queue.stop('t')
    await queue.idle()
    expect(events).toEqual(['t:0:cancelled'])
  })

  it('an engine that never reports sound still starts before it finishes', async () => {
    const engine = new FakeTtsEngine({ holdSound: true })
    const { queue, events } = setup(engine)
    queue.enqueue(item('t', 0))
    ;(await engine.call(0)).finish()
    await queue.idle()
    expect(events).toEqual(['t:0:started', 't:0:finished'])
  })
})

describe('SpeechQueue fallback voice', () => {
  it('a failing engine hands its utterance and the rest of the turn to the fallback, with one notice', async () => {
    const primary = new FakeTtsEngine()
    const fallback = new FakeTtsEngine()
    const { queue, events, errors } = setup(primary, fallback)
    for (let i = 0; i < 3; i++) queue.enqueue(item('t', i))
    ;(await primary.call(0)).finish()
    ;(await primary.call(1)).fail(new TtsError('endpoint answered 500', 'failed'))
    ;(await fallback.call(0)).finish()
    ;(await fallback.call(1)).finish()
    await queue.idle()
    expect(primary.calls.map((c) => c.text)).toEqual(['t sentence 0.', 't sentence 1.'])
    expect(fallback.calls.map((c) => c.text)).toEqual(['t sentence 1.', 't sentence 2.'])
    expect(errors).toEqual([expect.stringMatching(/fake could not speak \(endpoint answered 500\).*system voice/)])
    expect(events).toEqual([0, 1, 2].flatMap((i) => [`t:${i}:started`, `t:${i}:finished`]))
  })

  it('the next turn tries the engine again', async () => {
    const primary = new FakeTtsEngine()
    const fallback = new FakeTtsEngine()
    const { queue } = setup(primary, fallback)
    queue.enqueue(item('a', 0))
    ;(await primary.call(0)).fail(new TtsError('down', 'failed'))
    ;(await fallback.call(0)).finish()
    queue.enqueue(item('b', 0))
    ;(await primary.call(1)).finish()
    await queue.idle()
    expect(primary.calls.map((c) => c.text)).toEqual(['a sentence 0.', 'b sentence 0.'])
  })

  it('an engine whose check fails sends the turn to the fallback', async () => {
    const primary = new FakeTtsEngine()
    primary.problem = 'no speech endpoint set'
    const fallback = new FakeTtsEngine()
    const { queue, errors, events } = setup(primary, fallback)
    queue.enqueue(item('t', 0))
    ;(await fallback.call(0)).finish()
    await queue.idle()
    expect(primary.calls).toEqual([])
    expect(errors).toEqual([expect.stringMatching(/no speech endpoint set/)])
    expect(events).toEqual(['t:0:started', 't:0:finished'])
  })

  it('stopping the turn while the fallback speaks cancels it and nothing else is said', async () => {
    const primary = new FakeTtsEngine()
    const fallback = new FakeTtsEngine()
    const { queue, events } = setup(primary, fallback)
    queue.enqueue(item('t', 0))
    queue.enqueue(item('t', 1))
    ;(await primary.call(0)).fail(new TtsError('down', 'failed'))
    const spoken = await fallback.call(0)
    queue.stop('t')
    await queue.idle()
    expect(spoken.aborted).toBe(true)
    expect(fallback.calls).toHaveLength(1)
    expect(events).toEqual(['t:0:started', 't:1:cancelled', 't:0:cancelled'])
  })

  it('without a fallback a failure is reported and the queue goes on', async () => {
    const primary = new FakeTtsEngine()
    const { queue, events, errors } = setup(primary)
    queue.enqueue(item('t', 0))
    queue.enqueue(item('t', 1))
    ;(await primary.call(0)).fail(new TtsError('down', 'failed'))
    ;(await primary.call(1)).finish()
    await queue.idle()
    expect(errors).toEqual(['fake could not speak: down'])
    expect(events).toEqual(['t:0:started', 't:0:cancelled', 't:1:started', 't:1:finished'])
  })
})
