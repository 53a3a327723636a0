import { describe, expect, it } from 'vitest'
import { SpeechQueue } from '../../../../src/main/engine/speech/speech-queue'
import type { SpeechEvent } from '../../../../src/main/engine/speech/speech-types'
import { FakeTtsEngine } from './fake-tts-engine'

function setup(engine = new FakeTtsEngine(), prefetch = true) {
  const queue = new SpeechQueue({ engine, prefetch })
  const events: string[] = []
  const errors: string[] = []
  queue.onEvent((e: SpeechEvent) => events.push(`${e.turnId}:${e.index}:${e.state}`))
  queue.onError((m) => errors.push(m))
  return { queue, engine, events, errors }
}

const item = (turnId: string, index: number, text = `${turnId} sentence ${index}.`) => ({ turnId, index, text })

describe('SpeechQueue', () => {
  it('speaks utterances strictly in order, one voice at a time', async () => {
    const { queue, engine, events } = setup()
    for (let i = 0; i < 4; i++) queue.enqueue(item('t1', i))
    for (let i = 0; i < 4; i++) (await engine.call(i)).finish()
    await queue.idle()
    expect(engine.calls.map((c) => c.text)).toEqual([0, 1, 2, 3].map((i) => `t1 sentence ${i}.`))
    expect(engine.maxConcurrent).toBe(1)
    expect(events).toEqual([0, 1, 2, 3].flatMap((i) => [`t1:${i}:started`, `t1:${i}:finished`]))
  })

  it('stop(turn) silences the voice and drops everything queued for that turn', async () => {
    const { queue, engine, events } = setup()
    for (let i = 0; i < 3; i++) queue.enqueue(item('t1', i))
    const first = await engine.call(0)
    queue.stop('t1')
    await queue.idle()
    expect(first.aborted).toBe(true)
    expect(engine.calls).toHaveLength(1)
    expect(events).toEqual(['t1:0:started', 't1:1:cancelled', 't1:2:cancelled', 't1:0:cancelled'])
  })

  it('never sounds a late utterance of a stopped turn, and reports it cancelled', async () => {
    const { queue, engine, events } = setup()
    queue.enqueue(item('t1', 0))
    await engine.call(0)
    queue.stop('t1')
    queue.enqueue(item('t1', 1))
    queue.enqueue(item('t2', 0))
    ;(await engine.call(1)).finish()
    await queue.idle()
    expect(engine.calls.map((c) => c.text)).toEqual(['t1 sentence 0.', 't2 sentence 0.'])
    expect(events).toContain('t1:1:cancelled')
    expect(events).not.toContain('t1:1:started')
  })

  it('tells enqueue listeners of every item before any of its own events, even one dropped at once', async () => {
    const { queue, engine, events } = setup()
    queue.onEnqueue((i) => events.push(`${i.turnId}:${i.index}:queued`))
    queue.enqueue(item('t1', 0))
    await engine.call(0)
    queue.stop('t1')
    queue.enqueue(item('t1', 1))
    await queue.idle()
    expect(events.filter((e) => e.startsWith('t1:0:'))).toEqual(['t1:0:queued', 't1:0:started', 't1:0:cancelled'])
    expect(events.filter((e) => e.startsWith('t1:1:'))).toEqual(['t1:1:queued', 't1:1:cancelled'])
  })

  it('barge-in: stop() without a turn drops all and the next turn speaks', async () => {
    const { queue, engine, events } = setup()
    queue.enqueue(item('a', 0))
    queue.enqueue(item('b', 0))
    await engine.call(0)
    queue.stop()
    queue.enqueue(item('a', 1))
    queue.enqueue(item('c', 0))
    ;(await engine.call(1)).finish()
    await queue.idle()
    expect(engine.calls.map((c) => c.text)).toEqual(['a sentence 0.', 'c sentence 0.'])
    expect(events.filter((e) => e.endsWith('cancelled')).sort()).toEqual([
      'a:0:cancelled',
      'a:1:cancelled',
      'b:0:cancelled'
    ])
  })

  it('stopping one turn leaves the other turns queued', async () => {
    const { queue, engine } = setup()
    queue.enqueue(item('a', 0))
    queue.enqueue(item('b', 0))
    queue.enqueue(item('a', 1))
    await engine.call(0)
    queue.stop('a')
    ;(await engine.call(1)).finish()
    await queue.idle()
    expect(engine.calls.map((c) => c.text)).toEqual(['a sentence 0.', 'b sentence 0.'])
  })

  it('mute stops the current utterance, skips later ones (reported), and unmute resumes with the next', async () => {
    const { queue, engine, events } = setup()
    queue.enqueue(item('t', 0))
    const first = await engine.call(0)
    queue.setMuted(true)
    queue.enqueue(item('t', 1))
    await queue.idle()
    expect(first.aborted).toBe(true)
    queue.setMuted(false)
    queue.enqueue(item('t', 2))
    ;(await engine.call(1)).finish()
    await queue.idle()
    expect(engine.calls.map((c) => c.text)).toEqual(['t sentence 0.', 't sentence 2.'])
    expect(events).toEqual(['t:0:started', 't:0:cancelled', 't:1:cancelled', 't:2:started', 't:2:finished'])
  })

  it('reports a missing voice once, then skips speech without throwing', async () => {
    const engine = new FakeTtsEngine()
    engine.problem = 'festival is not installed. Install it with: sudo apt-get install festival'
    const { queue, events, errors } = setup(engine)
    for (let i = 0; i < 3; i++) expect(() => queue.enqueue(item('t', i))).not.toThrow()
    await queue.idle()
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/apt-get install festival/)
    expect(engine.checks).toBe(1)
    expect(engine.calls).toHaveLength(0)
    expect(events).toEqual(['t:0:cancelled', 't:1:cancelled', 't:2:cancelled'])
  })

  it('reports a binary that vanishes mid-answer once', async () => {
    const engine = new FakeTtsEngine()
    engine.missing = true
    const { queue, events, errors } = setup(engine)
    for (let i = 0; i < 3; i++) queue.enqueue(item('t', i))
    await queue.idle()
    expect(errors).toEqual(['Speech is off: fakevoice is not installed. apt-get install fakevoice'])
    expect(events.filter((e) => e.endsWith('cancelled'))).toHaveLength(3)
  })

  it('says a repeated failure once and keeps going', async () => {
    const { queue, engine, events, errors } = setup()
    for (let i = 0; i < 3; i++) queue.enqueue(item('t', i))
    for (let i = 0; i < 3; i++) (await engine.call(i)).fail(new Error('Connection refused'))
    await queue.idle()
    expect(errors).toEqual(['fake could not speak: Connection refused'])
    expect(events.filter((e) => e.endsWith('cancelled'))).toHaveLength(3)
  })

  it('prepares the next utterance while the current one plays', async () => {
    const { queue, engine } = setup(new FakeTtsEngine({ canPrepare: true }))
    queue.enqueue(item('t', 0))
    queue.enqueue(item('t', 1))
    await engine.call(0)
    expect(engine.prepared).toEqual(['t sentence 0.', 't sentence 1.'])
    ;(await engine.call(0)).finish()
    ;(await engine.call(1)).finish()
    await queue.idle()
    expect(engine.prepared).toEqual(['t sentence 0.', 't sentence 1.'])
  })

  it('waits until the current utterance is synthesised before preparing the next', async () => {
    const { queue, engine } = setup(new FakeTtsEngine({ canPrepare: true, holdReady: true }))
    queue.enqueue(item('t', 0))
    queue.enqueue(item('t', 1))
    await engine.call(0)
    await new Promise((r) => setTimeout(r, 20))
    expect(engine.prepared).toEqual(['t sentence 0.'])
    engine.releaseReady()
    await new Promise((r) => setTimeout(r, 0))
    expect(engine.prepared).toEqual(['t sentence 0.', 't sentence 1.'])
    queue.stop()
  })

  it('does not prepare ahead when prefetch is off', async () => {
    const { queue, engine } = setup(new FakeTtsEngine({ canPrepare: true }), false)
    queue.enqueue(item('t', 0))
    queue.enqueue(item('t', 1))
    await engine.call(0)
    expect(engine.prepared).toEqual(['t sentence 0.'])
    queue.stop()
  })

  it('applies a new voice and rate from the next utterance', async () => {
    const { queue, engine } = setup()
    queue.enqueue(item('t', 0))
    const first = await engine.call(0)
    queue.setOptions({ voice: 'kal_diphone', rate: 1.5 })
    queue.enqueue(item('t', 1))
    first.finish()
    const second = await engine.call(1)
    second.finish()
    await queue.idle()
    expect(first.opts).toEqual({ voice: undefined, rate: undefined })
    expect(second.opts).toEqual({ voice: 'kal_diphone', rate: 1.5 })
  })

  it('a throwing listener does not break the queue', async () => {
    const { queue, engine, events } = setup()
    queue.onEvent(() => {
      throw new Error('listener bug')
    })
    queue.enqueue(item('t', 0))
    ;(await engine.call(0)).finish()
    await queue.idle()
    expect(events).toEqual(['t:0:started', 't:0:finished'])
  })

  it("says a turn's voice is done once its last utterance ends, while another turn still speaks", async () => {
    const { queue, engine } = setup()
    queue.enqueue(item('t1', 0))
    queue.enqueue(item('t1', 1))
    queue.enqueue(item('t2', 0))
    const ended: string[] = []
    void queue.idle('t1').then(() => ended.push('t1'))
    void queue.idle('t2').then(() => ended.push('t2'))
    void queue.idle('t3').then(() => ended.push('t3'))
    ;(await engine.call(0)).finish()
    await Promise.resolve()
    expect(ended).toEqual(['t3']) // a turn that queued nothing is done at once
    ;(await engine.call(1)).finish()
    await engine.call(2)
    expect(ended).toEqual(['t3', 't1'])
    queue.stop('t2')
    await queue.idle()
    expect(ended).toEqual(['t3', 't1', 't2'])
  })

  it('tells its busy turns each time the set changes, and empty once all is said or stopped', async () => {
    const { queue, engine } = setup()
    const told: string[][] = []
    queue.onBusy((turns) => told.push(turns))
    queue.enqueue(item('t1', 0))
    queue.enqueue(item('t1', 1))
    queue.enqueue(item('t2', 0))
    ;(await engine.call(0)).finish()
    ;(await engine.call(1)).finish()
    await engine.call(2)
    expect(queue.busyTurns).toEqual(['t2'])
    queue.stop()
    await queue.idle()
    expect(told).toEqual([['t1'], ['t1', 't2'], ['t2'], []])
  })
})
