import type { TurnOutcome } from '../../src/main/engine/turn'

/** How a turn ended, for the stores' tests. */

export const doneOutcome = (turnId: string, text: string): TurnOutcome => ({
  type: 'done',
  turnId,
  text,
  reasoning: '',
  finishReason: 'stop',
  usage: null,
  timings: { firstTokenMs: 10, firstUtteranceMs: 20, totalMs: 30 }
})

export const failedOutcome = (turnId: string, partialText: string, kind: 'aborted' | 'server'): TurnOutcome => ({
  type: 'error',
  turnId,
  kind,
  message: kind === 'aborted' ? 'Stopped.' : 'The server failed.',
  retryable: kind !== 'aborted',
  partialText
})
