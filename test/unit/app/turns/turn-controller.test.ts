import { describe, expect, it } from 'vitest'
import { TurnController } from '../../../../src/main/app/turns/turn-controller'
import { InMemoryHistory } from '../../../support/in-memory-history'
import { keyUrlFor, providerConfig } from '../../../../src/main/app/provider/provider-config'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import type { TurnEvent } from '../../../../src/shared/turn-events'
import type { ChatRequest } from '../../../../src/main/engine/llm/chat-types'
import { naiveSegmenter, RecordingSpeech, scriptedStream } from '../../../support/engine-fakes'

/** A scripted stream that also records every request it was given. */
function recordingStream(script: Parameters<typeof scriptedStream>[0]) {
  const seen: ChatRequest[] = []
  const base = scriptedStream(script)
  const stream = ((p: never, r: ChatRequest) => {
    seen.push(r)
    return base(p, r)
  }) as typeof base
  return { seen, stream }
}

function controller(stream: ReturnType<typeof scriptedStream>, settings: Settings = defaultSettings()) {
  const events: TurnEvent[] = []
  const speech = new RecordingSpeech()
  const history = new InMemoryHistory()
  const turns = new TurnController({
    settings: () => settings,
    provider: (s) => providerConfig(s, () => 'stored-key', {}),
    history,
    speech,
    streamChat: stream,
    createSegmenter: naiveSegmenter,
    publish: (e) => events.push(e)
  })
  return { turns, events, speech, history }
}

describe('TurnController', () => {
  it('sends the system prompt and the conversation so far, and remembers the answer', async () => {
    const { seen, stream } = recordingStream([
      { type: 'text', text: 'Answer one.' },
      { type: 'finish', reason: 'stop' }
    ])
    const { turns } = controller(stream)
    const first = turns.ask({ prompt: 'First?' })
    await first.done
    await turns.ask({ prompt: 'Second?', conversationId: first.conversationId }).done
    expect(seen[1]!.messages).toEqual([
      { role: 'system', content: defaultSettings().systemPrompt },
      { role: 'user', content: 'First?' },
      { role: 'assistant', content: 'Answer one.' },
      { role: 'user', content: 'Second?' }
    ])
  })

  it('a new question stops the running turn and silences its voice', async () => {
    const { turns, speech } = controller(
      scriptedStream([{ type: 'text', text: 'Long answer. ' }, { pauseMs: 10_000 }, { type: 'finish', reason: 'stop' }])
    )
    const first = turns.ask({ prompt: 'one' })
    await new Promise((r) => setTimeout(r, 20))
    turns.ask({ prompt: 'two' })
    await expect(first.done).resolves.toMatchObject({ type: 'error', kind: 'aborted', partialText: 'Long answer. ' })
    expect(speech.stops).toContain(first.turnId)
    turns.stop()
  })

  it('keeps a stopped answer in the conversation so the next turn sees it', async () => {
    const { turns, history } = controller(scriptedStream([{ type: 'text', text: 'Half an ans' }, { pauseMs: 10_000 }]))
    const t = turns.ask({ prompt: 'q' })
    await new Promise((r) => setTimeout(r, 20))
    turns.stop(t.turnId)
    await t.done
    expect(history.messagesFor(t.conversationId).at(-1)).toEqual({ role: 'assistant', content: 'Half an ans' })
    expect(turns.activeTurn).toBeNull()
  })

  it('tells a window joining mid-turn the answer so far, and where each later delta starts', async () => {
    const { turns, events } = controller(
      scriptedStream([{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'world' }, { pauseMs: 10_000 }])
    )
    const t = turns.ask({ prompt: 'q' })
    await new Promise((r) => setTimeout(r, 20))
    expect(turns.activeProgress).toEqual({
      turnId: t.turnId,
      conversationId: t.conversationId,
      base: '',
      text: 'Hello world',
      length: 11
    })
    const deltas = events.flatMap((e) => (e.type === 'delta' ? [[e.at, e.text]] : []))
    expect(deltas).toEqual([
      [0, 'Hello '],
      [6, 'world']
    ])
    turns.stop()
    await t.done
    expect(turns.activeProgress).toBeNull()
  })

  it('does not speak when speech is turned off, but still reports utterances', async () => {
    const settings = defaultSettings()
    settings.speech.enabled = false
    const { turns, speech, events } = controller(
      scriptedStream([
        { type: 'text', text: 'Quiet. ' },
        { type: 'finish', reason: 'stop' }
      ]),
      settings
    )
    await turns.ask({ prompt: 'q' }).done
    expect(speech.items).toHaveLength(0)
    expect(events.some((e) => e.type === 'utterance')).toBe(true)
  })
})

describe('providerConfig', () => {
  it('lets the environment override the settings file and the stored key', () => {
    const s = defaultSettings()
    const stored = (url: string) => (new URL(url).origin === 'https://api.openai.com' ? 'stored' : undefined)
    expect(providerConfig(s, stored, {})).toMatchObject({
      baseUrl: s.provider.baseUrl,
      apiKey: 'stored',
      model: s.provider.model
    })
    expect(
      providerConfig(s, stored, { OPENAI_BASE_URL: 'http://x/v1', OPENAI_API_KEY: 'env', HARK_MODEL: 'm' })
    ).toMatchObject({ baseUrl: 'http://x/v1', apiKey: 'env', model: 'm' })
    expect(providerConfig(s, stored, { OPENAI_BASE_URL: 'https://elsewhere.example/v1' }).apiKey).toBe('')
  })
})

describe('TurnController context budget', () => {
  it('leaves out the oldest turns of a long conversation and tells the user', async () => {
    const { seen, stream } = recordingStream([
      { type: 'text', text: 'ok' },
      { type: 'finish', reason: 'stop' }
    ])
    const { turns, events } = controller(stream)
    let conversationId: string | undefined
    for (let i = 0; i < 40; i++) {
      const t = turns.ask({ prompt: `question ${i} ${'x'.repeat(4000)}`, conversationId })
      conversationId = t.conversationId
      await t.done
    }
    const last = seen.at(-1)!.messages
    expect(last[0]!.role).toBe('system')
    expect(last.at(-1)!.content).toMatch(/^question 39/)
    expect(last.length).toBeLessThan(80)
    const lastTurn = events
      .filter((e) => e.turnId === events.at(-1)!.turnId)
      .map((e) => (e.type === 'notice' ? e.code : e.type))
    expect(lastTurn.slice(0, 2)).toEqual(['start', 'context-trimmed'])
  })
})

describe('keyUrlFor', () => {
  it('binds a key to where Hark really talks for the chosen preset, and to the preset URL otherwise', () => {
    const s = defaultSettings()
    expect(keyUrlFor(s, 'openai', {})).toBe(s.provider.baseUrl)
    expect(keyUrlFor(s, 'openai', { OPENAI_BASE_URL: 'http://127.0.0.1:5/v1' })).toBe('http://127.0.0.1:5/v1')
    expect(keyUrlFor(s, 'groq', { OPENAI_BASE_URL: 'http://127.0.0.1:5/v1' })).toBe('https://api.groq.com/openai/v1')
  })
})

describe('TurnController when things go wrong', () => {
  it('a refused question does not cut off the answer playing in another conversation', async () => {
    const { turns, speech } = controller(
      scriptedStream([{ type: 'text', text: 'Long answer. ' }, { pauseMs: 300 }, { type: 'finish', reason: 'stop' }])
    )
    const playing = turns.ask({ prompt: 'one' })
    const stopsBefore = speech.stops.length
    const history = (turns as unknown as { deps: { history: InMemoryHistory } }).deps.history
    const refuse = history.beginTurn.bind(history)
    history.beginTurn = () => {
      throw new Error('That conversation no longer exists.')
    }
    expect(() => turns.ask({ prompt: 'two', conversationId: 'deleted' })).toThrow(/no longer exists/)
    history.beginTurn = refuse
    await expect(playing.done).resolves.toMatchObject({ type: 'done', text: 'Long answer. ' })
    expect(speech.stops).toHaveLength(stopsBefore)
  })

  it('a failed save is reported and the turn does not stay active', async () => {
    const { turns, history, events } = controller(
      scriptedStream([
        { type: 'text', text: 'Hi.' },
        { type: 'finish', reason: 'stop' }
      ])
    )
    history.endTurn = () => {
      throw new Error('ENOSPC: no space left on device')
    }
    await expect(turns.ask({ prompt: 'q' }).done).resolves.toMatchObject({ type: 'done' })
    expect(turns.activeTurn).toBeNull()
    expect(events.find((e) => e.type === 'notice' && e.code === 'save-failed')).toMatchObject({
      message: expect.stringMatching(/ENOSPC/)
    })
  })
})
