import { describe, expect, it } from 'vitest'
import { ChunkMapper, toFinishReason, toUsage } from '../../../../src/main/engine/llm/chunk-mapper'

describe('ChunkMapper', () => {
  it('ignores chunks with no choices but keeps their usage for the end', () => {
    const m = new ChunkMapper()
    expect(m.accept({ choices: [] })).toEqual([])
    expect(m.accept({ choices: [{ delta: { content: 'Hi' } }] })).toEqual([{ type: 'text', text: 'Hi' }])
    expect(m.accept({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } })).toEqual([])
    expect(m.end()).toEqual([
      { type: 'usage', usage: { promptTokens: 3, completionTokens: 1, totalTokens: 4 } },
      { type: 'finish', reason: 'stop' }
    ])
  })

  it('takes reasoning from reasoning_content or reasoning', () => {
    const m = new ChunkMapper()
    expect(m.accept({ choices: [{ delta: { reasoning_content: 'a' } }] })).toEqual([{ type: 'reasoning', text: 'a' }])
    expect(m.accept({ choices: [{ delta: { reasoning: 'b', content: null } }] })).toEqual([
      { type: 'reasoning', text: 'b' }
    ])
  })

  it('survives junk without throwing', () => {
    const m = new ChunkMapper()
    for (const junk of [null, {}, { choices: null }, { choices: [null] }, { choices: [{ delta: { content: 5 } }] }]) {
      expect(m.accept(junk as never)).toEqual([])
    }
    expect(m.end()).toEqual([{ type: 'finish', reason: 'unknown' }])
  })
})

describe('toFinishReason', () => {
  it('maps empty reasons by whether text arrived, and unknown strings to unknown', () => {
    expect(toFinishReason(null, true)).toBe('stop')
    expect(toFinishReason('', false)).toBe('unknown')
    expect(toFinishReason('length', true)).toBe('length')
    expect(toFinishReason('function_call', true)).toBe('tool_calls')
    expect(toFinishReason('weird', true)).toBe('unknown')
  })

  it('fills a missing total from its parts', () => {
    expect(toUsage({ prompt_tokens: 2, completion_tokens: 5 })).toEqual({
      promptTokens: 2,
      completionTokens: 5,
      totalTokens: 7
    })
    expect(toUsage(null)).toBeNull()
  })
})
