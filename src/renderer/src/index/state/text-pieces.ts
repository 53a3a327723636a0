import type { Conversation, StoredMessage } from '@shared/conversation'
import type { ActiveTurnProgress, CutMessage } from '@shared/ipc/conversations'

/** What completing a conversation's cut messages needs of the store. */
export interface CutMessagesHost {
  piece(messageId: string, from: number): Promise<string>
  /** the whole text this window already holds for a message (a turn it heard), or null */
  known(message: StoredMessage): string | null
  /** the conversation now shown: filling stops once another replaced it */
  current(): Conversation | null
  show(c: Conversation): void
}

/**
 * Completes the messages main sent only the first piece of (see
 * TEXT_PIECE_CHARS): one piece per request, each shown as it arrives, so
 * opening a long answer is many small tasks, and the markdown view, which
 * only renders what was appended, renders it progressively. An answer this
 * window streamed itself is already here whole: it is taken as it is.
 */
export async function completeCutMessages(cut: readonly CutMessage[], host: CutMessagesHost): Promise<void> {
  for (const { messageId, length } of cut) {
    for (;;) {
      const c = host.current()
      const m = c?.messages.find((x) => x.id === messageId)
      if (!c || !m) return
      if (m.content.length >= length) break
      const known = host.known(m)
      const content =
        known !== null && known.length === length && known.startsWith(m.content)
          ? known
          : m.content + (await host.piece(messageId, m.content.length))
      if (host.current() !== c) return // a newer load replaced it, and completes it itself
      if (content.length === m.content.length) break // it shrank meanwhile: nothing more to fetch
      host.show({ ...c, messages: c.messages.map((x) => (x === m ? { ...m, content } : x)) })
    }
  }
}

/** Is `message` still arriving piece by piece? */
export function isArriving(cut: readonly CutMessage[], message: StoredMessage): boolean {
  return cut.some((c) => c.messageId === message.id && message.content.length < c.length)
}

/**
 * The running turn's whole text so far, from main's first piece and then
 * piece by piece, while the window still lacks it (a window that heard every
 * delta asks for nothing). Shorter if the turn ends meanwhile: its saved
 * answer shows then.
 */
export async function turnTextSoFar(
  soFar: ActiveTurnProgress,
  host: { piece(from: number): Promise<string>; lacks(): boolean }
): Promise<string> {
  let text = soFar.text
  while (text.length < soFar.length && host.lacks()) {
    const piece = await host.piece(text.length).catch(() => '')
    if (!piece) break
    text += piece
  }
  return text
}
