import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { QUICK_CONVERSATION_TITLE, QuickConversation } from '../../../../src/main/app/quick-prompt/quick-conversation'

const fresh = (): string => mkdtempSync(join(tmpdir(), 'hark-quick-'))

describe('the quick prompts conversation', () => {
  it('starts one, then keeps adding to it, across restarts', () => {
    const dir = fresh()
    const first = new QuickConversation(dir)
    expect(first.target('quick-conversation')).toBeUndefined()
    first.remember('quick-conversation', 'c1')
    expect(first.target('quick-conversation')).toBe('c1')
    expect(new QuickConversation(dir).target('quick-conversation')).toBe('c1')
  })

  it('titles it "Quick prompts" when the store can rename', () => {
    const rename = vi.fn()
    new QuickConversation(fresh(), { rename }).remember('quick-conversation', 'c1')
    expect(rename).toHaveBeenCalledWith('c1', QUICK_CONVERSATION_TITLE)
  })

  it('creates it titled "Quick prompts" when the store can create', () => {
    const dir = fresh()
    const create = vi.fn(() => ({ id: 'made' }))
    const q = new QuickConversation(dir, { create, exists: (id) => id === 'made' })
    expect(q.target('quick-conversation')).toBe('made')
    expect(create).toHaveBeenCalledWith(QUICK_CONVERSATION_TITLE)
    expect(new QuickConversation(dir, { create, exists: () => true }).target('quick-conversation')).toBe('made')
    expect(create).toHaveBeenCalledTimes(1)
  })

  it('starts a new one when the saved one was deleted', () => {
    const dir = fresh()
    new QuickConversation(dir).remember('quick-conversation', 'gone')
    expect(new QuickConversation(dir, { exists: () => false }).target('quick-conversation')).toBeUndefined()
  })

  it('gives each prompt its own conversation when set to', () => {
    const q = new QuickConversation(fresh())
    q.remember('quick-conversation', 'c1')
    expect(q.target('new-conversation')).toBeUndefined()
    q.remember('new-conversation', 'c2')
    expect(q.target('quick-conversation')).toBe('c1')
  })

  it('survives an unreadable state file', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'quick-prompt.json'), '{not json')
    const q = new QuickConversation(dir)
    expect(q.target('quick-conversation')).toBeUndefined()
    q.remember('quick-conversation', 'c3')
    expect(JSON.parse(readFileSync(join(dir, 'quick-prompt.json'), 'utf8'))).toEqual({ conversationId: 'c3' })
  })

  it('logs, and carries on, when the state cannot be saved', () => {
    const blocker = join(fresh(), 'a-file')
    writeFileSync(blocker, '')
    const log = vi.fn()
    const q = new QuickConversation(join(blocker, 'userData'), {}, log)
    q.remember('quick-conversation', 'c4')
    expect(log).toHaveBeenCalledTimes(1)
    expect(q.target('quick-conversation')).toBe('c4')
  })
})
