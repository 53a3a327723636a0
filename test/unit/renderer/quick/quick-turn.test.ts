import { describe, expect, it } from 'vitest'
import type { TurnEvent } from '../../../../src/shared/turn-events'
import { applyTurnEvent, newLiveTurn } from '../../../../src/renderer/src/shared/live-turn'
import {
  initialQuickTurn,
  isBusy,
  quickTurnReducer,
  quickView,
  type QuickAction,
  type QuickTurn
} from '../../../../src/renderer/src/quick/quick-turn'

const run = (actions: QuickAction[], from: QuickTurn = initialQuickTurn): QuickTurn =>
  actions.reduce(quickTurnReducer, from)
const ev = (event: TurnEvent): QuickAction => ({ type: 'event', event, now: 0 })
const accepted = (turnId: string, conversationId: string): QuickAction => ({
  type: 'accepted',
  turnId,
  conversationId,
  now: 0
})
const delta = (turnId: string, text: string): QuickAction => ev({ type: 'delta', turnId, text })
const done = (turnId: string, text: string): QuickAction =>
  ev({
    type: 'done',
    turnId,
    text,
    reasoning: '',
    finishReason: 'stop',
    usage: null,
    timings: { firstTokenMs: 1, firstUtteranceMs: 1, totalMs: 2 }
  })

describe('the popup turn', () => {
  it('streams the answer of its own turn only', () => {
    const t = run([
      { type: 'ask', prompt: 'Hi?' },
      accepted('t1', 'c1'),
      delta('t1', 'Hello'),
      delta('other', 'NOPE'),
      delta('t1', ' there.')
    ])
    expect(quickView(t).answer).toBe('Hello there.')
    expect(quickView(t).status).toBe('streaming')
    expect(quickView(t).conversationId).toBe('c1')
  })

  it('adds a delta once even when it arrives again, as the main window does', () => {
    const t = run([
      { type: 'ask', prompt: 'Hi?' },
      accepted('t1', 'c1'),
      ev({ type: 'delta', turnId: 't1', text: 'Hello', at: 0 }),
      ev({ type: 'delta', turnId: 't1', text: 'Hello', at: 0 }),
      ev({ type: 'delta', turnId: 't1', text: 'lo there.', at: 3 })
    ])
    expect(quickView(t).answer).toBe('Hello there.')
  })

  it('replays events that arrived before the ask replied', () => {
    const t = run([
      { type: 'ask', prompt: 'Hi?' },
      delta('t1', 'Early '),
      delta('x', 'other window '),
      accepted('t1', 'c1'),
      delta('t1', 'bird.')
    ])
    expect(quickView(t).answer).toBe('Early bird.')
  })

  it("is busy while main's voice is busy with its turn, then Esc may close", () => {
    const asked = run([
      { type: 'voice', busyTurns: ['other'] },
      { type: 'ask', prompt: 'Q' },
      accepted('t1', 'c1'),
      delta('t1', 'One. Two.'),
      ev({ type: 'utterance', turnId: 't1', index: 0, text: 'One.', range: [0, 4] }),
      { type: 'voice', busyTurns: ['other', 't1'] },
      ev({ type: 'speech', turnId: 't1', index: 0, state: 'started' }),
      done('t1', 'One. Two.')
    ])
    expect(quickView(asked).status).toBe('done')
    expect(quickView(asked).speaking).toBe(0)
    expect(isBusy(asked)).toBe(true)
    const between = run([ev({ type: 'speech', turnId: 't1', index: 0, state: 'finished' })], asked)
    expect(quickView(between).speaking).toBeNull()
    expect(isBusy(between)).toBe(true) // the next sentence is still being synthesised
    const spoken = run([{ type: 'voice', busyTurns: ['other'] }], between)
    expect(isBusy(spoken)).toBe(false) // another turn's voice is not this popup's
  })

  it('stops: not busy, and later voice events do not revive it', () => {
    const stopped = run([
      { type: 'ask', prompt: 'Q' },
      accepted('t1', 'c1'),
      ev({ type: 'utterance', turnId: 't1', index: 0, text: 'One.', range: [0, 4] }),
      { type: 'voice', busyTurns: ['t1'] },
      { type: 'stopped' },
      ev({ type: 'speech', turnId: 't1', index: 0, state: 'started' }),
      ev({ type: 'utterance', turnId: 't1', index: 1, text: 'Two.', range: [5, 9] })
    ])
    expect(quickView(stopped).status).toBe('stopped')
    expect(isBusy(stopped)).toBe(false)
    expect(quickView(stopped)).toMatchObject({ speaking: null, spoken: null })
    expect(quickView(stopped).ranges).toHaveLength(1)
  })

  it('stopped before the reply came, it does not follow the turn the reply names', () => {
    const t = run([
      { type: 'ask', prompt: 'Q' },
      delta('t1', 'Early'),
      { type: 'stopped' },
      accepted('t1', 'c1'),
      delta('t1', ' late')
    ])
    expect(quickView(t)).toMatchObject({ status: 'stopped', answer: '', turnId: null })
    expect(isBusy(t)).toBe(false)
  })

  it("folds its turn's events exactly as the main window does", () => {
    const events: TurnEvent[] = [
      { type: 'start', turnId: 't1', model: 'm', at: 0 },
      { type: 'delta', turnId: 't1', text: 'One. ', at: 0 },
      { type: 'utterance', turnId: 't1', index: 0, text: 'One.', range: [0, 4] },
      { type: 'delta', turnId: 't1', text: 'Three.', at: 10 },
      { type: 'delta', turnId: 't1', text: 'Two. ', at: 5 },
      { type: 'delta', turnId: 't1', text: 'Two. ', at: 5 },
      { type: 'speech', turnId: 't1', index: 0, state: 'started' },
      { type: 'utterance', turnId: 't1', index: 1, text: 'Two.', range: [5, 9] }
    ]
    const [first, ...rest] = events
    const popup = run([{ type: 'ask', prompt: 'Q' }, ev(first!), accepted('t1', 'c1'), ...rest.map(ev)])
    const main = events.reduce((turn, e) => applyTurnEvent(turn, e, 0), newLiveTurn('t1', 'c1', '', 0))
    expect(quickView(popup)).toMatchObject({
      answer: main.text,
      speaking: main.speaking,
      ranges: main.ranges,
      spoken: [0, 4]
    })
    expect(main.text).toBe('One. Two. Three.')
  })

  it('shows an error but keeps the partial answer', () => {
    const t = run([
      { type: 'ask', prompt: 'Q' },
      accepted('t1', 'c1'),
      ev({ type: 'error', turnId: 't1', kind: 'network', message: 'Offline', retryable: true, partialText: 'Part' })
    ])
    expect(quickView(t)).toMatchObject({ status: 'error', error: 'Offline', answer: 'Part' })
  })

  it('reports a refused ask', () => {
    expect(
      quickView(
        run([
          { type: 'ask', prompt: 'Q' },
          { type: 'failed', message: 'No key' }
        ])
      )
    ).toMatchObject({ status: 'error', error: 'No key' })
  })
})
