import type { TurnEvent } from '../../shared/turn-events'

/**
 * Gathers turn events into at most one batch per interval (about one per
 * animation frame), so a fast stream costs the window ~60 IPC messages a
 * second however many deltas and utterances it produces. Order is kept, and
 * consecutive deltas of one turn are merged into one, so an utterance still
 * follows the text its range points into.
 */
export function batchTurnEvents(
  send: (batch: TurnEvent[]) => void,
  intervalMs = 16
): { emit: (e: TurnEvent) => void; flush: () => void } {
  let batch: TurnEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (batch.length === 0) return
    const out = batch
    batch = []
    send(out)
  }

  const emit = (e: TurnEvent): void => {
    const last = batch.at(-1)
    if (e.type === 'delta' && last?.type === 'delta' && last.turnId === e.turnId) {
      batch[batch.length - 1] = { ...last, text: last.text + e.text }
    } else {
      batch.push(e)
    }
    timer ??= setTimeout(flush, intervalMs)
  }

  return { emit, flush }
}
