import { afterAll, beforeAll, expect } from 'vitest'
import {
  LlmError,
  type ChatChunk,
  type ChatMessage,
  type ProviderConfig
} from '../../../../src/main/engine/llm/chat-types'
import { streamChat } from '../../../../src/main/engine/llm/chat-stream'

export interface Collected {
  chunks: ChatChunk[]
  text: string
  reasoning: string
  error: LlmError | null
  /** anything thrown that was not an LlmError (must never happen) */
  foreign: unknown
  ms: number
}

export const ask: ChatMessage[] = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Describe the town.' }
]

/** Run one streamChat to the end and keep everything it produced. */
export async function collect(
  provider: ProviderConfig,
  opts: { stream?: boolean; signal?: AbortSignal; onChunk?: (c: ChatChunk) => void } = {}
): Promise<Collected> {
  const out: Collected = { chunks: [], text: '', reasoning: '', error: null, foreign: null, ms: 0 }
  const t0 = Date.now()
  try {
    for await (const c of streamChat(provider, { messages: ask, stream: opts.stream ?? true, signal: opts.signal })) {
      out.chunks.push(c)
      if (c.type === 'text') out.text += c.text
      if (c.type === 'reasoning') out.reasoning += c.text
      opts.onChunk?.(c)
    }
  } catch (e) {
    if (e instanceof LlmError) out.error = e
    else out.foreign = e
  }
  out.ms = Date.now() - t0
  return out
}

/** Fail the file if anything escaped as an unhandled rejection or uncaught exception. */
export function watchProcessErrors(): { seen: unknown[] } {
  const state = { seen: [] as unknown[] }
  const onErr = (e: unknown) => state.seen.push(e)
  beforeAll(() => {
    process.on('unhandledRejection', onErr)
    process.on('uncaughtException', onErr)
  })
  afterAll(async () => {
    await new Promise((r) => setTimeout(r, 50))
    process.off('unhandledRejection', onErr)
    process.off('uncaughtException', onErr)
    expect(state.seen).toEqual([])
  })
  return state
}

export const types = (c: Collected) => c.chunks.map((x) => x.type)
