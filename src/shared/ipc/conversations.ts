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
  /** what this turn has streamed so far; later deltas carry `at` offsets into it */
  text: string
}

export interface ConversationList {
  conversations: ConversationSummary[]
  /** files that could not be read and were moved aside */
  notices: string[]
  activeTurn: ActiveTurn | null
}

export const conversations = {
  routes: {
    'conversations.list': route<ConversationList>()(empty),
    'conversations.get': route<Conversation & { activeTurnId: string | null; activeTurn: ActiveTurnProgress | null }>()(
      z.object({ id })
    ),
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
