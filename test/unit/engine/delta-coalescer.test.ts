import { describe, expect, it } from 'vitest'
import { coalesceDeltas } from '../../../src/main/engine/delta-coalescer'
import type { TurnEvent } from '../../../src/shared/turn-events'

describe('coalesceDeltas', () => {
  it('merges a burst of deltas into one message per interval', async () => {
    const out: TurnEvent[] = []
    const c = coalesceDeltas((e) => out.push(e), 10)
    for (const ch of 'hello world') c.emit({ type: 'delta', turnId: 't', text: ch })
    expect(out).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 30))
    expect(out).toEqual([{ type: 'delta', turnId: 't', text: 'hello world' }])
  })

  it('flushes pending text before any other event so ranges never point past the text', () => {
    const out: TurnEvent[] = []
    const c = coalesceDeltas((e) => out.push(e), 1000)
    c.emit({ type: 'delta', turnId: 't', text: 'Hi.' })
    c.emit({ type: 'utterance', turnId: 't', index: 0, text: 'Hi.', range: [0, 3] })
    expect(out.map((e) => e.type)).toEqual(['delta', 'utterance'])
  })

  it('never merges text of two different turns', () => {
    const out: TurnEvent[] = []
    const c = coalesceDeltas((e) => out.push(e), 1000)
    c.emit({ type: 'delta', turnId: 'a', text: 'one' })
    c.emit({ type: 'delta', turnId: 'b', text: 'two' })
    c.flush()
    expect(out).toEqual([
      { type: 'delta', turnId: 'a', text: 'one' },
      { type: 'delta', turnId: 'b', text: 'two' }
    ])
  })
})
