import { describe, expect, it } from 'vitest'
import type { ChatChunk, ChatRequest, ProviderConfig } from '../../../../src/main/engine/llm/chat-types'
import { LlmError } from '../../../../src/main/engine/llm/chat-types'
import { cleanTitle, requestTitle, TITLE_LIMITS } from '../../../../src/main/engine/llm/title-request'
import { scriptedStream } from '../../../support/engine-fakes'

const provider: ProviderConfig = { baseUrl: 'http://127.0.0.1:1/v1', apiKey: '', model: 'm', maxRetries: 2 }
const exchange = { question: 'Tell me about harbour towns.', answer: 'Harbour towns grew around trade.' }
const text = (t: string): ChatChunk => ({ type: 'text', text: t })

describe('requestTitle', () => {
  it('asks once, without retries, with bounded excerpts, and returns the cleaned title', async () => {
    const seen: Array<{ provider: ProviderConfig; request: ChatRequest }> = []
    const stream = async function* (p: ProviderConfig, request: ChatRequest): AsyncGenerator<ChatChunk> {
      seen.push({ provider: p, request })
      yield text('"Harbour ')
      yield text('towns."')
    }
    const long = { question: 'q'.repeat(5000), answer: 'a'.repeat(5000) }
    expect(await requestTitle(stream, provider, long)).toBe('Harbour towns')
    expect(seen).toHaveLength(1)
    expect(seen[0]!.provider.maxRetries).toBe(0)
    const sent = seen[0]!.request.messages.map((m) => m.content).join('')
    expect(sent.length).toBeLessThan(2 * TITLE_LIMITS.maxExcerptChars + 400)
  })

  it('stops reading a reply that runs on, and still titles from its start', async () => {
    let yielded = 0
    const endless = async function* (_p: ProviderConfig, request: ChatRequest): AsyncGenerator<ChatChunk> {
      for (;;) {
        if (request.signal?.aborted) throw new LlmError('aborted', 'Stopped.', false)
        yielded++
        yield text('word ')
      }
    }
    const title = await requestTitle(endless, provider, exchange)
    expect(title).toMatch(/^word word/)
    expect(yielded).toBeLessThanOrEqual(TITLE_LIMITS.maxReplyChars / 5 + 1)
  })

  it('gives up after its time limit, and on any failure, with null', async () => {
    const slow = scriptedStream([{ pauseMs: 5_000 }, text('Late title')])
    const started = Date.now()
    expect(await requestTitle(slow, provider, exchange, { ...TITLE_LIMITS, timeoutMs: 100 })).toBeNull()
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await requestTitle(scriptedStream([], new LlmError('auth', 'no', false)), provider, exchange)).toBeNull()
    expect(await requestTitle(scriptedStream([text('  \n ')]), provider, exchange)).toBeNull()
  })
})

describe('cleanTitle', () => {
  it('keeps a title a person would write', () => {
    expect(cleanTitle('Title: **Harbour Towns**.\nExtra line')).toBe('Harbour Towns')
    expect(cleanTitle('## “Tides and moons”')).toBe('Tides and moons')
    expect(cleanTitle('...')).toBeNull()
    expect(cleanTitle(`A ${'very '.repeat(30)}long title`)!.length).toBeLessThanOrEqual(61)
  })
})
