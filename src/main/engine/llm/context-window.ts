import type { ChatMessage } from './chat-types'

/** Per-message framing the APIs add (role, separators). */
const MESSAGE_OVERHEAD = 4

/** ~4 characters a token: close enough to decide what to drop, no tokenizer needed. */
export function estimateTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + Math.ceil(m.content.length / 4) + MESSAGE_OVERHEAD, 0)
}

export interface FittedMessages {
  messages: ChatMessage[]
  /** how many messages were left out */
  dropped: number
}

/**
 * Fits a conversation into a token budget by dropping the oldest turns. The
 * leading system prompt and the latest user message are always kept, even if
 * they alone are over budget (the server will then say so).
 */
export function fitToBudget(messages: readonly ChatMessage[], budgetTokens: number): FittedMessages {
  const lead = messages[0]?.role === 'system' ? 1 : 0
  const lastUser = messages.findLastIndex((m) => m.role === 'user')
  const keepFrom = lastUser >= lead ? lastUser : messages.length
  const fixed = [...messages.slice(0, lead), ...messages.slice(keepFrom)]
  let room = budgetTokens - estimateTokens(fixed)
  // Walk back from the newest history message; stop at the first that does not fit so history stays contiguous.
  let start = keepFrom
  while (start > lead && room - estimateTokens([messages[start - 1]]) >= 0) {
    room -= estimateTokens([messages[start - 1]])
    start--
  }
  // Never begin the kept history with an assistant reply to a question that was dropped.
  while (start < keepFrom && messages[start].role === 'assistant') start++
  const kept = [...messages.slice(0, lead), ...messages.slice(start)]
  return { messages: kept, dropped: messages.length - kept.length }
}
