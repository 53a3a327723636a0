import { describe, expect, it } from 'vitest'
import { batchTurnEvents } from '../../../src/main/engine/turn-event-batcher'
import type { TurnEvent } from '../../../src/shared/turn-events'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('batchTurnEvents', () => {
  it('sends a burst of deltas as one batch with the text merged', async () => {
    const sent: TurnEvent[][] = []
    const b = batchTurnEvents((batch) => sent.push(batch), 10)
    for (const ch of 'hello world') b.emit({ type: 'delta', turnId: 't', text: ch })
    expect(sent).toHaveLength(0)
    await wait(30)
    expect(sent).toEqual([[{ type: 'delta', turnId: 't', text: 'hello world' }]])
  })

  it('keeps utterances in one batch with their deltas, after the text they point into', async () => {
    const sent: TurnEvent[][] = []
    const b = batchTurnEvents((batch) => sent.push(batch), 10)
    b.emit({ type: 'delta', turnId: 't', text: 'Hi. ' })
    b.emit({ type: 'utterance', turnId: 't', index: 0, text: 'Hi.', range: [0, 3] })
    b.emit({ type: 'delta', turnId: 't', text: 'Bye' })
    b.emit({ type: 'delta', turnId: 't', text: '.' })
    await wait(30)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.map((e) => (e.type === 'delta' ? e.text : e.type))).toEqual(['Hi. ', 'utterance', 'Bye.'])
  })

  it('never merges the text of two different turns', () => {
    const sent: TurnEvent[][] = []
    const b = batchTurnEvents((batch) => sent.push(batch), 1000)
    b.emit({ type: 'delta', turnId: 'a', text: 'one' })
    b.emit({ type: 'delta', turnId: 'b', text: 'two' })
    b.flush()
    expect(sent).toEqual([
      [
        { type: 'delta', turnId: 'a', text: 'one' },
        { type: 'delta', turnId: 'b', text: 'two' }
      ]
    ])
  })

  it('sends at most one batch per interval however many events arrive', async () => {
    const sent: TurnEvent[][] = []
    const b = batchTurnEvents((batch) => sent.push(batch), 20)
    const started = Date.now()
    while (Date.now() - started < 200) {
      b.emit({ type: 'delta', turnId: 't', text: 'x' })
      b.emit({ type: 'utterance', turnId: 't', index: 0, text: 'x', range: [0, 1] })
      await wait(1)
    }
    b.flush()
    expect(sent.length).toBeLessThanOrEqual(200 / 20 + 2)
  })
})

describe('batchTurnEvents under a stream faster than the window', () => {
  it('sends a batch once it holds maxChars of text, so no batch brings the window more than that', () => {
    const sent: TurnEvent[][] = []
    const b = batchTurnEvents((batch) => sent.push(batch), 1000, 100)
    for (let i = 0; i < 50; i++) {
      b.emit({ type: 'delta', turnId: 't', text: 'Twenty chars here. ' })
      b.emit({ type: 'utterance', turnId: 't', index: i, text: 'Twenty chars here.', range: [i * 19, i * 19 + 18] })
    }
    b.flush()
    const chars = (batch: TurnEvent[]) =>
      batch.reduce((n, e) => n + (e.type === 'delta' || e.type === 'utterance' ? e.text.length : 0), 0)
    expect(sent.length).toBeGreaterThan(10)
    for (const batch of sent) expect(chars(batch)).toBeLessThanOrEqual(100)
    const text = sent.flat().flatMap((e) => (e.type === 'delta' ? [e.text] : []))
    expect(text.join('')).toBe('Twenty chars here. '.repeat(50))
    const order = sent.flat().map((e) => (e.type === 'utterance' ? e.index : -1))
    expect(order.filter((i) => i >= 0)).toEqual([...Array(50).keys()])
  })

  it('sends one event larger than maxChars on its own rather than holding it', () => {
    const sent: TurnEvent[][] = []
    const b = batchTurnEvents((batch) => sent.push(batch), 1000, 10)
    b.emit({ type: 'delta', turnId: 't', text: 'small' })
    b.emit({ type: 'delta', turnId: 't', text: 'x'.repeat(50) })
    b.flush()
    expect(sent).toEqual([
      [{ type: 'delta', turnId: 't', text: 'small' }],
      [{ type: 'delta', turnId: 't', text: 'x'.repeat(50) }]
    ])
  })
})
