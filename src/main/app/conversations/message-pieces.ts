import type { Conversation } from '@shared/conversation'
import { TEXT_PIECE_CHARS, type ActiveTurnProgress, type CutMessage } from '@shared/ipc/conversations'
import { UserFacingError } from '../ipc/user-facing-error'

/**
 * A conversation as it is sent to a window: each message's content cut to its
 * first piece, so one IPC message never carries more than a bounded stretch of
 * text; the window asks for the rest piece by piece (`textPiece`).
 */
export function withFirstPieces(c: Conversation): { conversation: Conversation; cut: CutMessage[] } {
  const cut: CutMessage[] = []
  const messages = c.messages.map((m) => {
    if (m.content.length <= TEXT_PIECE_CHARS) return m
    cut.push({ messageId: m.id, length: m.content.length })
    return { ...m, content: pieceAt(m.content, 0) }
  })
  return { conversation: { ...c, messages }, cut }
}

/** The running turn's progress with only the first piece of its text. */
export function progressFirstPiece(p: ActiveTurnProgress): ActiveTurnProgress {
  return { ...p, text: pieceAt(p.text, 0) }
}

/** The piece of message `messageId`'s content that starts at `from`. */
export function textPiece(c: Conversation, messageId: string, from: number): string {
  const m = c.messages.find((x) => x.id === messageId)
  if (!m) throw new UserFacingError('That message no longer exists.', 'not-found')
  return pieceAt(m.content, from)
}

/** At most TEXT_PIECE_CHARS of `text` from `from` on, never ending between the halves of a surrogate pair. */
export function pieceAt(text: string, from: number): string {
  const end = Math.min(text.length, from + TEXT_PIECE_CHARS)
  const last = text.charCodeAt(end - 1)
  return text.slice(from, end < text.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end)
}
