import type { TurnEvent } from '../../shared/turn-events'

/**
 * Merges consecutive `delta` events of a turn so that at most one crosses per
 * interval (about one per animation frame). Any other event first flushes the
 * pending text, so order is kept: an utterance never arrives before the text
 * its range points into.
 */
export function coalesceDeltas(emit: (e: TurnEvent) => void, intervalMs = 16): {
  emit: (e: TurnEvent) => void
  flush: () => void
} {
  let pending: { turnId: string; text: string } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (!pending) return
    const { turnId, text } = pending
    pending = null
    emit({ type: 'delta', turnId, text })
  }

  const push = (e: TurnEvent): void => {
    if (e.type !== 'delta') {
      flush()
      emit(e)
      return
    }
    if (pending && pending.turnId !== e.turnId) flush()
    pending = pending ? { turnId: e.turnId, text: pending.text + e.text } : { turnId: e.turnId, text: e.text }
    timer ??= setTimeout(flush, intervalMs)
  }

  return { emit: push, flush }
}
