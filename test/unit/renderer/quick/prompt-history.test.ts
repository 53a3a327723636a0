import { describe, expect, it } from 'vitest'
import { PromptHistory } from '../../../../src/renderer/src/quick/prompt-history'

function memory(): Pick<Storage, 'getItem' | 'setItem'> {
  const data = new Map<string, string>()
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('prompt history', () => {
  it('recalls earlier prompts with Up and returns to the draft with Down', () => {
    const h = new PromptHistory(memory())
    h.add('first')
    h.add('second')
    expect(h.previous('draft')).toBe('second')
    expect(h.previous('second')).toBe('first')
    expect(h.previous('first')).toBeNull()
    expect(h.next()).toBe('second')
    expect(h.next()).toBe('draft')
    expect(h.next()).toBeNull()
  })

  it('remembers across popups through storage, without duplicates', () => {
    const storage = memory()
    const a = new PromptHistory(storage)
    a.add('x')
    a.add('y')
    a.add('x')
    const b = new PromptHistory(storage)
    expect(b.previous('')).toBe('x')
    expect(b.previous('')).toBe('y')
    expect(b.previous('')).toBeNull()
  })

  it('ignores corrupt storage', () => {
    const h = new PromptHistory({ getItem: () => '{oops', setItem: () => {} })
    expect(h.previous('')).toBeNull()
  })
})
