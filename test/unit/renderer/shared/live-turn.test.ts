import { describe, expect, it } from 'vitest'
import { applyTurnEvent, newLiveTurn, speakingRange } from '../../../../src/renderer/src/shared/live-turn'

describe('applyTurnEvent', () => {
  it('adds an utterance range without copying the ones before it, so a long answer stays linear', () => {
    let turn = newLiveTurn('t1', 'c1', '', 0)
    const ranges = turn.ranges
    for (let i = 0; i < 1000; i++) {
      turn = applyTurnEvent(
        turn,
        { type: 'utterance', turnId: 't1', index: i, text: 'Hi.', range: [i * 4, i * 4 + 3] },
        0
      )
    }
    expect(turn.ranges).toBe(ranges)
    expect(turn.ranges).toHaveLength(1000)
  })

  it('finds the spoken range in the whole answer once its speech starts', () => {
    let turn = newLiveTurn('t1', 'c1', 'Earlier. ', 0)
    for (const [index, range] of [
      [0, [0, 5]],
      [1, [6, 12]]
    ] as const) {
      turn = applyTurnEvent(turn, { type: 'utterance', turnId: 't1', index, text: 'x', range: [...range] }, 0)
    }
    turn = applyTurnEvent(turn, { type: 'speech', turnId: 't1', index: 1, state: 'started' }, 10)
    expect(speakingRange(turn)).toEqual([15, 21])
    turn = applyTurnEvent(turn, { type: 'speech', turnId: 't1', index: 1, state: 'finished' }, 20)
    expect(speakingRange(turn)).toBeNull()
  })
})
