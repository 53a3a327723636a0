import { randomUUID } from 'node:crypto'
import type { ChatMessage } from '../../src/main/engine/llm/chat-types'
import type { TurnOutcome } from '../../src/main/engine/turn'
import type { ConversationHistory } from '../../src/main/app/turns/conversation-history'

/** A conversation history in memory, for the turn controller's tests and the voice bench. */

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

  modelOf(): string | undefined {
    return undefined
  }

  beginEdit(): void {
    throw new Error('InMemoryHistory does not edit questions.')
  }

  beginAnswer(): void {
    throw new Error('InMemoryHistory does not regenerate answers.')
  }

  beginContinue(): string {
    throw new Error('InMemoryHistory does not continue answers.')
  }

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
