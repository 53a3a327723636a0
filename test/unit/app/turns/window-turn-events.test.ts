import { describe, expect, it } from 'vitest'
import { forWindows } from '../../../../src/main/app/turns/window-turn-events'
import { TEXT_PIECE_CHARS } from '../../../../src/shared/ipc/conversations'
import type { TurnEvent, TurnEventOf } from '../../../../src/shared/turn-events'

const done = (text: string, reasoning = ''): TurnEventOf<'done'> => ({
  type: 'done',
  turnId: 't1',
  text,
  reasoning,
  finishReason: 'stop',
  usage: null,
  timings: { firstTokenMs: 1, firstUtteranceMs: 2, totalMs: 3 }
})
const failed = (partialText: string): TurnEvent => ({
  type: 'error',
  turnId: 't1',
  kind: 'network',
  message: 'Offline',
  retryable: true,
  partialText
})

describe('turn events as windows are sent them', () => {
  const long = 'x'.repeat(TEXT_PIECE_CHARS + 1)

  it('leaves out a long answer that done and error would repeat, keeping everything else', () => {
    expect(forWindows(done(long))).toEqual({ ...done(''), reasoning: '' })
    expect(forWindows(done('short', long))).toEqual(done('short', ''))
    expect(forWindows(failed(long))).toEqual(failed(''))
  })

  it('sends an ordinary answer’s events as they are', () => {
    const events: TurnEvent[] = [done('Hello.', 'because'), failed('Hel'), { type: 'delta', turnId: 't1', text: long }]
    for (const e of events) expect(forWindows(e)).toBe(e)
  })
})
