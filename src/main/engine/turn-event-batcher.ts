import type { TurnEvent } from '../../shared/turn-events'

/**
 * Gathers turn events into at most one batch per interval (about one per
 * animation frame), so a fast stream costs the window ~60 IPC messages a
 * second however many deltas and utterances it produces. Order is kept, and
 * consecutive deltas of one turn are merged into one, so an utterance still
 * follows the text its range points into.
 *
 * A batch also holds at most about `maxChars` of text: each batch is one task
 * in the window, whose work grows with the text it brings (layout, the
 * sentences to announce). A stream faster than the window keeps up with (a
 * poison answer, or main catching up after a busy moment) would otherwise
 * arrive as one batch of half a megabyte and thousands of events.
 */
export function batchTurnEvents(
  send: (batch: TurnEvent[]) => void,
  intervalMs = 16,
  maxChars = 16_000
): { emit: (e: TurnEvent) => void; flush: () => void } {
  let batch: TurnEvent[] = []
  let chars = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (batch.length === 0) return
    const out = batch
    batch = []
    chars = 0
    send(out)
  }

  const emit = (e: TurnEvent): void => {
    const size = textSize(e)
    if (chars > 0 && chars + size > maxChars) flush()
    chars += size
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

/** The text an event carries: what its batch costs to send and to show. */
function textSize(e: TurnEvent): number {
  switch (e.type) {
    case 'delta':
    case 'reasoning':
    case 'utterance':
    case 'done':
      return e.text.length
    case 'error':
      return e.partialText.length
    default:
      return 0
  }
}
