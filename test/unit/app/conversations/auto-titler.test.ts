import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings, type Settings } from '@shared/settings'
import type { ChatChunk, ChatRequest, ProviderConfig } from '../../../../src/main/engine/llm/chat-types'
import { LlmError } from '../../../../src/main/engine/llm/chat-types'
import { ConversationStore } from '../../../../src/main/app/stores/conversation-store'
import { AutoTitler } from '../../../../src/main/app/conversations/auto-titler'
import { doneOutcome, failedOutcome } from '../../../support/turn-outcomes'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-titles-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const done = doneOutcome

function setup(reply: string | LlmError, settings: Partial<Settings> = {}) {
  const store = new ConversationStore(dir)
  const requests: Array<{ model: string; request: ChatRequest }> = []
  const streamChat = async function* (p: ProviderConfig, request: ChatRequest): AsyncGenerator<ChatChunk> {
    requests.push({ model: p.model, request })
    if (reply instanceof LlmError) throw reply
    yield { type: 'text', text: reply }
  }
  const titler = new AutoTitler({
    history: store,
    settings: () => ({ ...defaultSettings(), ...settings }),
    provider: () => ({ baseUrl: 'http://127.0.0.1:1/v1', apiKey: '', model: 'default-model' }),
    streamChat
  })
  store.onChange(titler.onChange)
  return { store, titler, requests }
}

describe('AutoTitler', () => {
  it('names a conversation with the model’s title after its first answer, with the conversation’s model', async () => {
    const { store, titler, requests } = setup('Harbour towns')
    const id = store.beginTurn(undefined, 'Tell me about the harbour towns of the north coast, please', 't1', 'picked')
    expect(store.get(id).title).toMatch(/^Tell me about the harbour towns/)
    store.endTurn(id, 't1', done('t1', 'They grew around trade.'))
    await titler.settled()
    expect(store.get(id).title).toBe('Harbour towns')
    expect(requests.map((r) => r.model)).toEqual(['picked'])

    store.beginTurn(id, 'And the south?', 't2')
    store.endTurn(id, 't2', done('t2', 'Fewer of them.'))
    await titler.settled()
    expect(requests).toHaveLength(1)
  })

  it('keeps the first line when the request fails, and asks nothing when the setting is off', async () => {
    const failing = setup(new LlmError('network', 'down', true))
    const id = failing.store.beginTurn(undefined, 'First line\nmore', 't1')
    failing.store.endTurn(id, 't1', done('t1', 'Answer.'))
    await failing.titler.settled()
    expect(failing.store.get(id).title).toBe('First line')

    const off = setup('Never used', { autoTitle: false })
    const other = off.store.beginTurn(undefined, 'Question', 't1')
    off.store.endTurn(other, 't1', done('t1', 'Answer.'))
    await off.titler.settled()
    expect(off.requests).toHaveLength(0)
    expect(off.store.get(other).title).toBe('Question')
  })

  it('does not title a stopped or failed first answer, nor a conversation the user named', async () => {
    const { store, titler, requests } = setup('Model title')
    const id = store.beginTurn(undefined, 'Q', 't1')
    store.endTurn(id, 't1', failedOutcome('t1', 'Half', 'aborted'))
    const named = store.create('My own name').id
    store.beginTurn(named, 'Q', 't2')
    store.endTurn(named, 't2', done('t2', 'A'))
    await titler.settled()
    expect(requests).toHaveLength(0)
    expect(store.get(named).title).toBe('My own name')
  })
})
