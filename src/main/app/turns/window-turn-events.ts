import type { TurnEvent } from '@shared/turn-events'
import { TEXT_PIECE_CHARS } from '@shared/ipc/conversations'

/**
 * A turn event as windows are sent it. A window already holds the answer:
 * each delta carried its part, at its offset. So the whole answer that `done`
 * and `error` repeat is left out once it is longer than a piece; it would be
 * one IPC message, and one task in every window, as long as the answer (a
 * 2 MB answer's `done` took a window 60 ms of main thread just to arrive).
 * The turn reducer keeps its own text when the event's is shorter.
 */
export function forWindows(e: TurnEvent): TurnEvent {
  if (e.type === 'done' && (e.text.length > TEXT_PIECE_CHARS || e.reasoning.length > TEXT_PIECE_CHARS))
    return { ...e, text: e.text.length > TEXT_PIECE_CHARS ? '' : e.text, reasoning: '' }
  if (e.type === 'error' && e.partialText.length > TEXT_PIECE_CHARS) return { ...e, partialText: '' }
  return e
}
