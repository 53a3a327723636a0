import { describe, expect, it } from 'vitest'
import type { TurnEvent } from '../../../../src/shared/turn-events'
import {
  initialQuickTurn,
  isBusy,
  quickTurnReducer,
  type QuickAction,
  type QuickTurn
} from '../../../../src/renderer/src/quick/quick-turn'

const run = (actions: QuickAction[], from: QuickTurn = initialQuickTurn): QuickTurn =>
  actions.reduce(quickTurnReducer, from)
const ev = (event: TurnEvent): QuickAction => ({ type: 'event', event })
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
      { type: 'accepted', turnId: 't1', conversationId: 'c1' },
      delta('t1', 'Hello'),
      delta('other', 'NOPE'),
      delta('t1', ' there.')
    ])
    expect(t.answer).toBe('Hello there.')
    expect(t.status).toBe('streaming')
    expect(t.conversationId).toBe('c1')
  })

  it('adds a delta once even when it arrives again, as the main window does', () => {
    const t = run([
      { type: 'ask', prompt: 'Hi?' },
      { type: 'accepted', turnId: 't1', conversationId: 'c1' },
      ev({ type: 'delta', turnId: 't1', text: 'Hello', at: 0 }),
      ev({ type: 'delta', turnId: 't1', text: 'Hello', at: 0 }),
      ev({ type: 'delta', turnId: 't1', text: 'lo there.', at: 3 })
    ])
    expect(t.answer).toBe('Hello there.')
  })

  it('replays events that arrived before the ask replied', () => {
    const t = run([
      { type: 'ask', prompt: 'Hi?' },
      delta('t1', 'Early '),
      delta('x', 'other window '),
      { type: 'accepted', turnId: 't1', conversationId: 'c1' },
      delta('t1', 'bird.')
    ])
    expect(t.answer).toBe('Early bird.')
  })

  it("is busy while main's voice is busy with its turn, then Esc may close", () => {
    const asked = run([
      { type: 'voice', busyTurns: ['other'] },
      { type: 'ask', prompt: 'Q' },
      { type: 'accepted', turnId: 't1', conversationId: 'c1' },
      delta('t1', 'One. Two.'),
      ev({ type: 'utterance', turnId: 't1', index: 0, text: 'One.', range: [0, 4] }),
      { type: 'voice', busyTurns: ['other', 't1'] },
      ev({ type: 'speech', turnId: 't1', index: 0, state: 'started' }),
      done('t1', 'One. Two.')
    ])
    expect(asked.status).toBe('done')
    expect(asked.speaking).toBe(0)
    expect(isBusy(asked)).toBe(true)
    const between = run([ev({ type: 'speech', turnId: 't1', index: 0, state: 'finished' })], asked)
    expect(between.speaking).toBeNull()
    expect(isBusy(between)).toBe(true) // the next sentence is still being synthesised
    const spoken = run([{ type: 'voice', busyTurns: ['other'] }], between)
    expect(isBusy(spoken)).toBe(false) // another turn's voice is not this popup's
  })

  it('stops: not busy, and later voice events do not revive it', () => {
    const stopped = run([
      { type: 'ask', prompt: 'Q' },
      { type: 'accepted', turnId: 't1', conversationId: 'c1' },
      ev({ type: 'utterance', turnId: 't1', index: 0, text: 'One.', range: [0, 4] }),
      { type: 'voice', busyTurns: ['t1'] },
      { type: 'stopped' },
      ev({ type: 'speech', turnId: 't1', index: 0, state: 'started' }),
      ev({ type: 'utterance', turnId: 't1', index: 1, text: 'Two.', range: [5, 9] })
    ])
    expect(stopped.status).toBe('stopped')
    expect(isBusy(stopped)).toBe(false)
  })

  it('shows an error but keeps the partial answer', () => {
    const t = run([
      { type: 'ask', prompt: 'Q' },
      { type: 'accepted', turnId: 't1', conversationId: 'c1' },
      ev({ type: 'error', turnId: 't1', kind: 'network', message: 'Offline', retryable: true, partialText: 'Part' })
    ])
    expect(t).toMatchObject({ status: 'error', error: 'Offline', answer: 'Part' })
  })

  it('reports a refused ask', () => {
    expect(
      run([
        { type: 'ask', prompt: 'Q' },
        { type: 'failed', message: 'No key' }
      ])
    ).toMatchObject({ status: 'error', error: 'No key' })
  })
})
