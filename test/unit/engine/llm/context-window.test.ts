import { describe, expect, it } from 'vitest'
import type { ChatMessage } from '../../../../src/main/engine/llm/chat-types'
import { estimateTokens, fitToBudget } from '../../../../src/main/engine/llm/context-window'
import { contextWindowOf, DEFAULT_CONTEXT_WINDOW, promptBudgetOf } from '../../../../src/main/engine/llm/model-budgets'

const msg = (role: ChatMessage['role'], chars: number, tag = ''): ChatMessage => ({
  role,
  content: tag + 'x'.repeat(Math.max(0, chars - tag.length))
})

/** system + n question/answer pairs + the new question, each 400 chars (~104 tokens with overhead). */
function conversation(pairs: number): ChatMessage[] {
  const history = Array.from({ length: pairs }, (_, i) => [
    msg('user', 400, `q${i}`),
    msg('assistant', 400, `a${i}`)
  ]).flat()
  return [msg('system', 400, 'sys'), ...history, msg('user', 400, 'now')]
}

describe('fitToBudget', () => {
  it('keeps everything that fits', () => {
    const all = conversation(2)
    expect(fitToBudget(all, 10_000)).toEqual({ messages: all, dropped: 0 })
  })

  it('drops the oldest turns first, keeping the system prompt and the latest question', () => {
    const all = conversation(5)
    const { messages, dropped } = fitToBudget(all, 104 * 6)
    expect(messages[0].content.startsWith('sys')).toBe(true)
    expect(messages.at(-1)!.content.startsWith('now')).toBe(true)
    expect(messages.map((m) => m.content.slice(0, 3).replace(/x+$/, ''))).toEqual([
      'sys',
      'q3',
      'a3',
      'q4',
      'a4',
      'now'
    ])
    expect(dropped).toBe(6)
    expect(estimateTokens(messages)).toBeLessThanOrEqual(104 * 6)
  })

  it('never starts the kept history with an orphaned answer', () => {
    const { messages } = fitToBudget(conversation(5), 104 * 5)
    expect(messages[1].role).toBe('user')
  })

  it('keeps system and the latest question even when they alone exceed the budget', () => {
    const all = [msg('system', 4000), msg('user', 400), msg('assistant', 400), msg('user', 4000)]
    expect(fitToBudget(all, 10)).toEqual({ messages: [all[0], all[3]], dropped: 2 })
  })

  it('works without a system prompt and with an empty conversation', () => {
    const all = [msg('user', 400, 'old'), msg('assistant', 400), msg('user', 400, 'new')]
    expect(fitToBudget(all, 110).messages.map((m) => m.content.slice(0, 3))).toEqual(['new'])
    expect(fitToBudget([], 100)).toEqual({ messages: [], dropped: 0 })
  })
})

describe('model budgets', () => {
  it('knows common models, by substring, and falls back to a default', () => {
    expect(contextWindowOf('gpt-4o-mini')).toBe(128_000)
    expect(contextWindowOf('openai/gpt-4o')).toBe(128_000)
    expect(contextWindowOf('llama3.2:3b')).toBe(128_000)
    expect(contextWindowOf('llama3:8b')).toBe(8_192)
    expect(contextWindowOf('some-new-model')).toBe(DEFAULT_CONTEXT_WINDOW)
  })

  it('leaves room for the answer and caps large windows', () => {
    expect(promptBudgetOf('llama3:8b')).toBe(6_144)
    expect(promptBudgetOf('gpt-4.1')).toBe(32_000)
  })
})
