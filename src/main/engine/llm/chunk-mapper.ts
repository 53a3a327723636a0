import type { FinishReason, Usage } from '../../../shared/turn-events'
import type { ChatChunk } from './chat-types'
import { ThinkSplitter } from './think-splitter'

/** The loose shape providers actually send; every field may be missing. */
interface LooseUsage {
  prompt_tokens?: number
  completion_tokens?: number
  total_tokens?: number
}
interface LooseMessage {
  content?: string | null
  reasoning_content?: string | null
  reasoning?: string | null
}
interface LooseChoice {
  delta?: LooseMessage
  message?: LooseMessage
  finish_reason?: string | null
}
export interface LooseChunk {
  choices?: LooseChoice[] | null
  usage?: LooseUsage | null
}

const KNOWN_FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content_filter',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  eos: 'stop',
  end_turn: 'stop'
}

export function toFinishReason(raw: string | null | undefined, sawText: boolean): FinishReason {
  if (!raw) return sawText ? 'stop' : 'unknown'
  return KNOWN_FINISH[raw] ?? 'unknown'
}

export function toUsage(u: LooseUsage | null | undefined): Usage | null {
  if (!u || typeof u !== 'object') return null
  const promptTokens = Number(u.prompt_tokens ?? 0)
  const completionTokens = Number(u.completion_tokens ?? 0)
  return { promptTokens, completionTokens, totalTokens: Number(u.total_tokens ?? promptTokens + completionTokens) }
}

const reasoningOf = (m: LooseMessage | undefined): string => {
  const r = m?.reasoning_content || m?.reasoning
  return typeof r === 'string' ? r : ''
}

/**
 * Turns provider chunks into ChatChunks: reasoning kept apart (fields or `<think>`),
 * usage held until the end, exactly one finish last.
 */
export class ChunkMapper {
  private readonly think = new ThinkSplitter()
  private finishRaw: string | null = null
  private usage: Usage | null = null
  sawText = false
  sawContent = false

  accept(chunk: LooseChunk): ChatChunk[] {
    if (chunk?.usage) this.usage = toUsage(chunk.usage)
    const choice = chunk?.choices?.[0]
    if (!choice) return []
    if (choice.finish_reason) this.finishRaw = choice.finish_reason
    const m = choice.delta ?? choice.message
    const out: ChatChunk[] = []
    const reasoning = reasoningOf(m)
    if (reasoning) out.push({ type: 'reasoning', text: reasoning })
    if (typeof m?.content === 'string' && m.content) out.push(...this.think.push(m.content))
    return this.note(out)
  }

  /** the provider said the answer was over (a finish_reason) */
  get sawFinish(): boolean {
    return this.finishRaw !== null
  }

  end(): ChatChunk[] {
    const out: ChatChunk[] = this.note(this.think.end())
    if (this.usage) out.push({ type: 'usage', usage: this.usage })
    out.push({ type: 'finish', reason: toFinishReason(this.finishRaw, this.sawText) })
    return out
  }

  private note(out: ChatChunk[]): ChatChunk[] {
    for (const c of out) {
      if (c.type === 'text') this.sawText = true
      if (c.type === 'text' || c.type === 'reasoning') this.sawContent = true
    }
    return out
  }
}
