import { randomUUID } from 'node:crypto'
import type { ChatMessage } from '../../engine/llm/chat-types'
import type { TurnOutcome } from '../../engine/turn'

/**
 * What the turn controller needs from conversation storage. The in-memory
 * version serves the CLI-like foundation; the persistent store implements the
 * same port.
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
  /** Regenerate/Retry (optional): drop the last answer and open a new one for `turnId` */
  beginAnswer?(conversationId: string, turnId: string): void
  /** Continue (optional): reopen the last unfinished answer for `turnId`; returns its text so far */
  beginContinue?(conversationId: string, turnId: string): string
}

interface MemoryMessage extends ChatMessage {
  turnId?: string
  partial?: boolean
}

export class InMemoryHistory implements ConversationHistory {
  private readonly conversations = new Map<string, MemoryMessage[]>()

  beginTurn(conversationId: string | undefined, prompt: string, turnId: string): string {
    const id = conversationId ?? randomUUID()
    const messages = this.conversations.get(id) ?? []
    messages.push({ role: 'user', content: prompt, turnId })
    this.conversations.set(id, messages)
    return id
  }

  messagesFor(conversationId: string): ChatMessage[] {
    return (this.conversations.get(conversationId) ?? []).map(({ role, content }) => ({ role, content }))
  }

  progress(): void {}

  endTurn(conversationId: string, turnId: string, outcome: TurnOutcome): void {
    const text = outcome.type === 'done' ? outcome.text : outcome.partialText
    if (!text) return
    this.conversations.get(conversationId)?.push({
      role: 'assistant',
      content: text,
      turnId,
      partial: outcome.type === 'error'
    })
  }
}
