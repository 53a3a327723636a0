import { z } from 'zod'
import { empty, event, id, route, type Contract } from './route'
import { modelName } from './model-name'
import type { Conversation, ConversationsChanged, ConversationSummary, SearchHit } from '../conversation'

/** The saved conversations: the sidebar, search, rename, delete, export. */

export interface ActiveTurn {
  turnId: string
  conversationId: string
}

/** The running turn's answer so far, for a window that opens mid-stream. */
export interface ActiveTurnProgress extends ActiveTurn {
  /** what the answer held before this turn (Continue appends to it) */
  base: string
  /**
   * what this turn has streamed so far, or only its first TEXT_PIECE_CHARS when
   * `length` is more (`conversations.turnText` has the rest); later deltas
   * carry `at` offsets into it
   */
  text: string
  /** how much this turn has streamed so far */
  length: number
}

/**
 * A message's text crosses to a window in pieces of at most this many
 * characters: each piece is one IPC message and one bounded task in the
 * window, however long the answer (a saved 10 MB answer in one message froze
 * the window for a third of a second just to receive it).
 */
export const TEXT_PIECE_CHARS = 250_000

/** A message `conversations.get` sent only the first piece of: `length` is its whole content's. */
export interface CutMessage {
  messageId: string
  length: number
}

export interface OpenedConversation extends Conversation {
  activeTurnId: string | null
  activeTurn: ActiveTurnProgress | null
  /** messages whose `content` is only its first TEXT_PIECE_CHARS: the rest comes from `conversations.text` */
  cut: CutMessage[]
}

export interface ConversationList {
  conversations: ConversationSummary[]
  /** files that could not be read and were moved aside */
  notices: string[]
  activeTurn: ActiveTurn | null
}

const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const conversations = {
  routes: {
    'conversations.list': route<ConversationList>()(empty),
    'conversations.get': route<OpenedConversation>()(z.object({ id })),
    /** the piece of a message's content from `from` on, at most TEXT_PIECE_CHARS long ('' past its end) */
    'conversations.text': route<string>()(z.object({ id, messageId: id, from: offset })),
    /** the piece of the running turn's text from `from` on, at most TEXT_PIECE_CHARS long ('' once it has ended) */
    'conversations.turnText': route<string>()(z.object({ turnId: id, from: offset })),
    'conversations.rename': route<ConversationSummary>()(
      z.object({ id, title: z.string().trim().min(1, 'A title cannot be empty.').max(200) })
    ),
    'conversations.delete': route<void>()(z.object({ id })),
    /** null: back to the provider's default model */
    'conversations.setModel': route<ConversationSummary>()(z.object({ id, model: modelName.nullable() })),
    /** shows version `index` (0-based) of the conversation from `messageId` on */
    'conversations.showVersion': route<void>()(
      z.object({ id, messageId: id, index: z.number().int().min(0).max(10_000) })
    ),
    'conversations.search': route<SearchHit[]>()(z.object({ query: z.string().max(500) })),
    'conversations.export': route<{ markdown: string; fileName: string }>()(z.object({ id }))
  },
  events: {
    'conversations.changed': event<ConversationsChanged>()
  }
} satisfies Contract
