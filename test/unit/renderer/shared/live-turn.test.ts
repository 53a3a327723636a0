import { describe, expect, it } from 'vitest'
import type { TurnEvent } from '../../../../src/shared/turn-events'
import {
  applyTurnEvent,
  newLiveTurn,
  seedLiveTurn,
  speakingRange,
  stopLiveTurn,
  type LiveTurn
} from '../../../../src/renderer/src/shared/live-turn'

const fold = (events: TurnEvent[], from: LiveTurn = newLiveTurn('t1', 'c1', '', 0)): LiveTurn =>
  events.reduce((turn, e) => applyTurnEvent(turn, e, 0), from)
const delta = (text: string, at?: number): TurnEvent => ({ type: 'delta', turnId: 't1', text, at })
const utterance = (index: number, range: [number, number]): TurnEvent => ({
  type: 'utterance',
  turnId: 't1',
  index,
  text: 'x',
  range
})
const started = (index: number): TurnEvent => ({ type: 'speech', turnId: 't1', index, state: 'started' })
const error = (kind: 'network' | 'aborted', partialText: string): TurnEvent => ({
  type: 'error',
  turnId: 't1',
  kind,
  message: 'Offline',
  retryable: true,
  partialText
})
const done = (text: string): TurnEvent => ({
  type: 'done',
  turnId: 't1',
  text,
  reasoning: '',
  finishReason: 'stop',
  usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
  timings: { firstTokenMs: 1, firstUtteranceMs: 2, totalMs: 3 }
})

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

  it('places deltas by their offsets: a repeat adds nothing, one that came early waits for the text before it', () => {
    const turn = fold([delta('Hello ', 0), delta('Hello ', 0), delta('there.', 13), delta('world, ', 6)])
    expect(turn.text).toBe('Hello world, there.')
  })

  it('a window that joined mid-turn appends until it is given the text so far, then places by offset', () => {
    const joined = fold([delta('lo', 3)], newLiveTurn('t1', 'c1', '', 0, false))
    expect(joined.text).toBe('lo')
    const seeded = seedLiveTurn(joined, { base: '', text: 'Hello' })
    expect(fold([delta('lo', 3), delta(' you', 5)], seeded).text).toBe('Hello you')
  })

  it('takes the text main finished with, and its usage and timings', () => {
    const turn = fold([delta('Hel', 0), done('Hello.')])
    expect(turn).toMatchObject({ status: 'done', text: 'Hello.', usage: { totalTokens: 3 }, timings: { totalMs: 3 } })
  })

  it('keeps the partial text when the turn fails, and says why', () => {
    const turn = fold([delta('Part of it', 0), utterance(0, [0, 4]), started(0), error('network', 'Part')])
    expect(turn).toMatchObject({ status: 'error', text: 'Part of it', error: { kind: 'network', message: 'Offline' } })
    expect(turn.speaking).toBeNull()
    expect(fold([error('network', 'Part of it')]).text).toBe('Part of it')
  })

  it('a stopped turn keeps its text, ignores later utterances and speech, and stays stopped when it ends', () => {
    for (const stop of [
      (t: LiveTurn) => stopLiveTurn(t),
      (t: LiveTurn) => applyTurnEvent(t, error('aborted', 'One. Two'), 0)
    ]) {
      const running = fold([delta('One. Two', 0), utterance(0, [0, 4]), started(0)])
      const stopped = stop(running)
      expect(stopped).toMatchObject({ status: 'stopped', text: 'One. Two', speaking: null, error: null })
      const after = fold([utterance(1, [5, 9]), started(1), done('One. Two')], stopped)
      expect(after.status).toBe('stopped')
      expect(after.speaking).toBeNull()
      expect(after.ranges).toHaveLength(1)
    }
  })

  it('times the first speech from the turn start, once', () => {
    let turn = newLiveTurn('t1', 'c1', '', 0)
    turn = applyTurnEvent(turn, { type: 'start', turnId: 't1', model: 'm', at: 0 }, 100)
    turn = applyTurnEvent(turn, started(0), 450)
    turn = applyTurnEvent(turn, started(1), 900)
    expect(turn).toMatchObject({ model: 'm', firstSpeechMs: 350, speaking: 1 })
  })

  it('follows a finished answer read aloud: its utterances and spoken sentence', () => {
    const reading: LiveTurn = { ...newLiveTurn('read-1', 'c1', '', 0), status: 'done' }
    const turn = [utterance(0, [0, 3]), started(0)].reduce(
      (t, e) => applyTurnEvent(t, { ...e, turnId: 'read-1' }, 0),
      reading
    )
    expect(speakingRange(turn)).toEqual([0, 3])
  })
})
