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
  const models: string[] = []
  const stream: ChatStreamer = async function* (provider, request) {
    sent.push(request.messages)
    models.push(provider.model)
    const reply = replies[sent.length - 1] ?? { text: 'Again.' }
    yield { type: 'text', text: reply.text }
    if (reply.fail) throw new LlmError('network', 'The connection dropped.', true)
    yield { type: 'finish', reason: 'stop' }
  }
  return { stream, sent, models }
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
  return { turns, history, sent: model.sent, models: model.models }
}

describe('turn actions on a saved conversation', () => {
  it('answers with the model picked for the conversation, and records on each answer the model that wrote it', async () => {
    const { turns, history, models } = setup([{ text: 'A.' }, { text: 'B.' }, { text: 'C.' }])
    const first = turns.ask({ prompt: 'Q1' })
    await first.done
    const id = first.conversationId
    history.setModel(id, 'picked-model')
    await turns.ask({ prompt: 'Q2', conversationId: id }).done
    await turns.ask({ prompt: 'Q3', model: 'asked-with' }).done
    expect(models).toEqual(['fake-model', 'picked-model', 'asked-with'])
    expect(
      history
        .get(id)
        .messages.filter((m) => m.role === 'assistant')
        .map((m) => m.model)
    ).toEqual(['fake-model', 'picked-model'])
  })

  it('Edit and resend answers the edited question and keeps the old branch as a version', async () => {
    const { turns, history, sent } = setup([{ text: 'Old answer.' }, { text: 'New answer.' }])
    const first = turns.ask({ prompt: 'Old question' })
    await first.done
    const question = history.get(first.conversationId).messages[0]!.id
    await turns.edit(first.conversationId, question, 'New question').done
    expect(sent[1]!.map((m) => m.content)).toEqual(['New question'])
    const [q, a] = history.get(first.conversationId).messages
    expect([q!.content, a!.content]).toEqual(['New question', 'New answer.'])
    expect(q!.versions?.others[0]!.map((m) => m.content)).toEqual(['Old question', 'Old answer.'])
  })

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
