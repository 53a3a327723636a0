import type { ChatMessage } from '../../engine/llm/chat-types'
import type { TurnOutcome } from '../../engine/turn'

/**
 * What the turn controller needs from conversation storage: the port
 * ConversationStore implements (and tests fake), so the controller stays
 * Electron- and file-free.
 */
export interface ConversationHistory {
  /** creates the conversation if needed and records the user's message (and the model picked for it); returns its id */
  beginTurn(conversationId: string | undefined, prompt: string, turnId: string, model?: string): string
  /** the model picked for the conversation, if one was */
  modelOf(conversationId: string): string | undefined
  /** the messages to send, oldest first, ending with the user's new message */
  messagesFor(conversationId: string): ChatMessage[]
  /** the growing answer, for crash-safe persistence (may be throttled by the store) */
  progress(conversationId: string, turnId: string, partialText: string): void
  /** the answer is final: complete, or partial when stopped or failed; `model` is the one that wrote it */
  endTurn(conversationId: string, turnId: string, outcome: TurnOutcome, model?: string): void
  /** Regenerate/Retry: set the last answer aside (kept as a version) and open a new one for `turnId` */
  beginAnswer(conversationId: string, turnId: string): void
  /** Edit and resend: `messageId` and what followed become a version; `prompt` is asked in its place */
  beginEdit(conversationId: string, messageId: string, prompt: string, turnId: string): void
  /** Continue: reopen the last unfinished answer for `turnId`; returns its text so far */
  beginContinue(conversationId: string, turnId: string): string
}
