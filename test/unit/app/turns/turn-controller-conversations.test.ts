import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TurnController } from '../../../../src/main/app/turns/turn-controller'
import { ConversationStore } from '../../../../src/main/app/stores/conversation-store'
import { LlmError, type ChatMessage, type ChatStreamer } from '../../../../src/main/engine/llm/chat-types'
import { defaultSettings } from '../../../../src/shared/settings'
import { CONTINUE_PROMPT } from '../../../../src/shared/conversation'
import { naiveSegmenter } from '../../../support/engine-fakes'

/** A model that answers each call with the next scripted reply, and remembers what it was sent. */
function scriptedModel(replies: Array<{ text: string; fail?: boolean }>) {
  const sent: ChatMessage[][] = []
  const stream: ChatStreamer = async function* (_provider, request) {
    sent.push(request.messages)
    const reply = replies[sent.length - 1] ?? { text: 'Again.' }
    yield { type: 'text', text: reply.text }
    if (reply.fail) throw new LlmError('network', 'The connection dropped.', true)
    yield { type: 'finish', reason: 'stop' }
  }
  return { stream, sent }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-turns-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function setup(replies: Array<{ text: string; fail?: boolean }>) {
  const model = scriptedModel(replies)
  const history = new ConversationStore(dir)
  const settings = { ...defaultSettings(), systemPrompt: '' }
  const turns = new TurnController({
    settings: () => settings,
    provider: () => ({ baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'k', model: 'fake-model' }),
    history,
    speech: null,
    streamChat: model.stream,
    createSegmenter: naiveSegmenter,
    publish: () => {}
  })
  return { turns, history, sent: model.sent }
}

describe('turn actions on a saved conversation', () => {
  it('Continue sends the partial answer and an instruction, and appends to the same answer', async () => {
    const { turns, history, sent } = setup([{ text: 'The first half', fail: true }, { text: ' and the second half.' }])
    const first = turns.ask({ prompt: 'Tell me' })
    await first.done
    expect(history.get(first.conversationId).messages[1]).toMatchObject({ status: 'error', content: 'The first half' })

    await turns.continueAnswer(first.conversationId).done
    expect(sent[1]!.slice(-3)).toEqual([
      { role: 'user', content: 'Tell me' },
      { role: 'assistant', content: 'The first half' },
      { role: 'user', content: CONTINUE_PROMPT }
    ])
    const messages = history.get(first.conversationId).messages
    expect(messages).toHaveLength(2)
    expect(messages[1]).toMatchObject({ status: 'complete', content: 'The first half and the second half.' })
  })

  it('Regenerate asks the same question again without the old answer, and replaces it', async () => {
    const { turns, history, sent } = setup([{ text: 'Old answer.' }, { text: 'New answer.' }])
    const first = turns.ask({ prompt: 'Q' })
    await first.done
    await turns.regenerate(first.conversationId).done
    expect(sent[1]).toEqual([{ role: 'user', content: 'Q' }])
    expect(history.get(first.conversationId).messages.map((m) => m.content)).toEqual(['Q', 'New answer.'])
  })
})
