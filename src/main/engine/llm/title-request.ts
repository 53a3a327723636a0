import type { ChatMessage, ChatStreamer, ProviderConfig } from './chat-types'

/**
 * A short title for a conversation, asked of the model after its first
 * answer. Bounded every way: the excerpts sent, the time allowed, the text
 * read back (the stream is cut once a title's worth has arrived) and no
 * retries. Any failure is null: the caller keeps its fallback.
 */

export interface TitleLimits {
  timeoutMs: number
  /** characters read from the reply before it is cut off */
  maxReplyChars: number
  /** characters of the question and of the answer sent */
  maxExcerptChars: number
}

export const TITLE_LIMITS: TitleLimits = { timeoutMs: 15_000, maxReplyChars: 200, maxExcerptChars: 1_000 }

export const TITLE_INSTRUCTION =
  'Write a title of 2 to 6 words for this conversation, as a person would name it. Reply with the title only: no quotes, no punctuation at the end.'

export async function requestTitle(
  streamChat: ChatStreamer,
  provider: ProviderConfig,
  exchange: { question: string; answer: string },
  limits: TitleLimits = TITLE_LIMITS,
  signal?: AbortSignal
): Promise<string | null> {
  const cut = AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), ...(signal ? [signal] : [])])
  const reader = new AbortController()
  const messages: ChatMessage[] = [
    { role: 'system', content: TITLE_INSTRUCTION },
    {
      role: 'user',
      content: `Question:\n${exchange.question.slice(0, limits.maxExcerptChars)}\n\nAnswer:\n${exchange.answer.slice(0, limits.maxExcerptChars)}`
    }
  ]
  let reply = ''
  try {
    const stream = streamChat(
      { ...provider, maxRetries: 0 },
      { messages, stream: true, signal: AbortSignal.any([cut, reader.signal]) }
    )
    for await (const chunk of stream) {
      if (chunk.type === 'text') reply += chunk.text
      if (reply.length >= limits.maxReplyChars) reader.abort() // enough for any title; stop reading
      if (reader.signal.aborted) break
    }
  } catch {
    if (!reader.signal.aborted) return null
  }
  return cut.aborted ? null : cleanTitle(reply.slice(0, limits.maxReplyChars))
}

/** The model's reply as a title: its first line, without markdown, quotes, a "Title:" label or end punctuation. */
export function cleanTitle(reply: string, max = 60): string | null {
  const line = reply
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '')
  if (!line) return null
  const title = line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^title\s*:\s*/i, '')
    .replace(/[*_`]+/g, '')
    .replace(/^["'“‘«]+|["'”’»]+$/g, '')
    .replace(/[.!:;,\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!/[\p{L}\p{N}]/u.test(title)) return null
  if (title.length <= max) return title
  const shorter = title.slice(0, max)
  const space = shorter.lastIndexOf(' ')
  return `${space > max / 2 ? shorter.slice(0, space) : shorter}…`
}
