import type { ChatMessage } from '../../engine/llm/chat-types'
import type { TurnOutcome } from '../../engine/turn'

/**
 * What the turn controller needs from conversation storage: the port
 * ConversationStore implements (and tests fake), so the controller stays
 * Electron- and file-free.
 */
export interface ConversationHistory {
  /** creates the conversation if needed and records the user's message; returns its id */
  beginTurn(conversationId: string | undefined, prompt: string, turnId: string): string
  /** the messages to send, oldest first, ending with the user's new message */
  messagesFor(conversationId: string): ChatMessage[]
  /** the growing answer, for crash-safe persistence (may be throttled by the store) */
  progress(conversationId: string, turnId: string, partialText: string): void
  /** the answer is final: complete, or partial when stopped or failed */
  endTurn(conversationId: string, turnId: string, outcome: TurnOutcome): void
  /** Regenerate/Retry: drop the last answer and open a new one for `turnId` */
  beginAnswer(conversationId: string, turnId: string): void
  /** Continue: reopen the last unfinished answer for `turnId`; returns its text so far */
  beginContinue(conversationId: string, turnId: string): string
}
