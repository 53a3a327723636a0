import { describe, expect, it } from 'vitest'
import { runTurn, TEXT_PIECE_CHARS } from '../../../src/main/engine/turn'
import { LlmError } from '../../../src/main/engine/llm/chat-types'
import type { Segmenter } from '../../../src/main/engine/segmenter/utterance'
import type { TurnEvent, TurnEventOf } from '../../../src/shared/turn-events'
import { naiveSegmenter, RecordingSpeech, scriptedStream } from '../../support/engine-fakes'

const provider = { baseUrl: 'http://127.0.0.1:1/v1', apiKey: 'k', model: 'm' }

async function run(
  stream: ReturnType<typeof scriptedStream>,
  opts: { signal?: AbortSignal; stallFlushMs?: number } = {}
) {
  const events: TurnEvent[] = []
  const speech = new RecordingSpeech()
  const outcome = await runTurn(
    { streamChat: stream, createSegmenter: naiveSegmenter, speech },
    { turnId: 't1', provider, messages: [{ role: 'user', content: 'hi' }], stream: true, ...opts },
    (e) => events.push(e)
  )
  return { events, speech, outcome }
}

describe('runTurn', () => {
  it('queues the first sentence for speech before the stream has ended', async () => {
    const events: TurnEvent[] = []
    const speech = new RecordingSpeech()
    let queuedWhileStreaming = false
    const stream = async function* () {
      yield { type: 'text' as const, text: 'First sentence. Sec' }
      yield { type: 'text' as const, text: 'ond' }
      queuedWhileStreaming = speech.items.length === 1
      yield { type: 'text' as const, text: ' one.' }
      yield { type: 'finish' as const, reason: 'stop' as const }
    }
    await runTurn(
      { streamChat: stream, createSegmenter: naiveSegmenter, speech },
      { turnId: 't1', provider, messages: [], stream: true },
      (e) => events.push(e)
    )
    expect(queuedWhileStreaming).toBe(true)
    expect(speech.items.map((i) => i.text)).toEqual(['First sentence.', 'Second one.'])
  })

  it('emits start, deltas, utterances with ranges, and a done event with the full text and timings', async () => {
    const { events, outcome } = await run(
      scriptedStream([
        { type: 'text', text: 'Hello there. ' },
        { type: 'text', text: 'Bye.' },
        { type: 'usage', usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 } },
        { type: 'finish', reason: 'stop' }
      ])
    )
    expect(events.map((e) => e.type)).toEqual(['start', 'delta', 'utterance', 'delta', 'utterance', 'done'])
    const u = events.filter((e) => e.type === 'utterance')
    expect(u.map((e) => e.type === 'utterance' && 'Hello there. Bye.'.slice(...e.range))).toEqual([
      'Hello there.',
      'Bye.'
    ])
    expect(outcome).toMatchObject({
      type: 'done',
      text: 'Hello there. Bye.',
      finishReason: 'stop',
      usage: { totalTokens: 7 }
    })
    if (outcome.type !== 'done') throw new Error('expected done')
    expect(outcome.timings.firstTokenMs).not.toBeNull()
    expect(outcome.timings.firstUtteranceMs).toBeGreaterThanOrEqual(outcome.timings.firstTokenMs!)
    expect(outcome.timings.totalMs).toBeGreaterThanOrEqual(outcome.timings.firstUtteranceMs!)
  })

  it('keeps the partial text and the error kind when the stream fails mid-answer', async () => {
    const { outcome, events } = await run(
      scriptedStream(
        [{ type: 'text', text: 'Partial answer. More' }],
        new LlmError('network', 'The connection dropped.', true)
      )
    )
    expect(outcome).toMatchObject({
      type: 'error',
      kind: 'network',
      message: 'The connection dropped.',
      retryable: true,
      partialText: 'Partial answer. More'
    })
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1)
  })

  it('reports a stop as an aborted error that keeps what had arrived', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 30)
    const { outcome } = await run(
      scriptedStream([{ type: 'text', text: 'Before stop.' }, { pauseMs: 5000 }, { type: 'text', text: 'never' }]),
      { signal: controller.signal }
    )
    expect(outcome).toMatchObject({ type: 'error', kind: 'aborted', partialText: 'Before stop.' })
  })

  it('wraps an unexpected exception in an error event instead of throwing', async () => {
    const broken = async function* () {
      yield { type: 'text' as const, text: 'x' }
      throw new TypeError('boom')
    }
    const events: TurnEvent[] = []
    const outcome = await runTurn(
      { streamChat: broken, createSegmenter: naiveSegmenter, speech: null },
      { turnId: 't', provider, messages: [], stream: true },
      (e) => events.push(e)
    )
    expect(outcome).toMatchObject({ type: 'error', kind: 'unknown', partialText: 'x' })
    expect(outcome.type === 'error' && outcome.message).toContain('boom')
  })

  it('speaks the unterminated tail when the stream goes quiet, without waiting for the end', async () => {
    const speech = new RecordingSpeech()
    let spokenDuringPause: string[] = []
    const stream = async function* () {
      yield { type: 'text' as const, text: 'A tail without a stop' }
      await new Promise((r) => setTimeout(r, 400))
      spokenDuringPause = speech.items.map((i) => i.text)
      yield { type: 'finish' as const, reason: 'stop' as const }
    }
    await runTurn(
      { streamChat: stream, createSegmenter: naiveSegmenter, speech },
      { turnId: 't', provider, messages: [], stream: true, stallFlushMs: 150 },
      () => {}
    )
    expect(spokenDuringPause).toEqual(['A tail without a stop'])
    expect(speech.items).toHaveLength(1)
  })

  it('relays retry notices and reasoning without mixing reasoning into the answer', async () => {
    const { events, outcome } = await run(
      scriptedStream([
        { type: 'retrying', attempt: 1, delayMs: 1200, reason: 'The server is busy (429).' },
        { type: 'reasoning', text: 'thinking…' },
        { type: 'text', text: 'Answer.' },
        { type: 'finish', reason: 'stop' }
      ])
    )
    expect(events.find((e) => e.type === 'notice')).toMatchObject({ code: 'retrying' })
    expect(outcome).toMatchObject({ text: 'Answer.', reasoning: 'thinking…' })
  })
})

describe('runTurn deltas', () => {
  it('says where each delta starts in the answer, so late joiners can append idempotently', async () => {
    const { events } = await run(
      scriptedStream([
        { type: 'text', text: 'One. ' },
        { type: 'text', text: 'Two.' },
        { type: 'finish', reason: 'stop' }
      ])
    )
    expect(events.filter((e) => e.type === 'delta').map((e) => e.type === 'delta' && e.at)).toEqual([0, 5])
  })

  describe('a long answer', () => {
    /** Records what it is given and cuts nothing: only the turn's own work is under test. */
    const pushes: number[] = []
    const silentSegmenter = (): Segmenter => ({
      push: (chunk) => (pushes.push(chunk.length), []),
      tick: () => [],
      flush: () => []
    })
    const deltas = (events: TurnEvent[]) => events.filter((e): e is TurnEventOf<'delta'> => e.type === 'delta')

    it('takes a batch answer in bounded pieces, each a delta at its offset, never splitting a surrogate pair', async () => {
      pushes.length = 0
      const text = 'a'.repeat(TEXT_PIECE_CHARS - 1) + '😀' + 'b'.repeat(2 * TEXT_PIECE_CHARS)
      const events: TurnEvent[] = []
      let readyCalls = 0
      await runTurn(
        {
          streamChat: scriptedStream([
            { type: 'text', text },
            { type: 'finish', reason: 'stop' }
          ]),
          createSegmenter: silentSegmenter,
          speech: null,
          ready: () => void readyCalls++
        },
        { turnId: 't1', provider, messages: [], stream: false },
        (e) => events.push(e)
      )
      const ds = deltas(events)
      expect(ds.length).toBeGreaterThanOrEqual(3)
      expect(ds.every((d) => d.text.length <= TEXT_PIECE_CHARS)).toBe(true)
      expect(ds.map((d) => d.text).join('')).toBe(text)
      expect(ds.map((d) => d.at)).toEqual(ds.map((_, i) => ds.slice(0, i).reduce((n, d) => n + d.text.length, 0)))
      expect(ds.some((d) => /[\ud800-\udbff]$/.test(d.text))).toBe(false)
      expect(Math.max(...pushes)).toBeLessThanOrEqual(TEXT_PIECE_CHARS)
      expect(readyCalls).toBe(ds.length)
    })

    it('takes no more text while the reader is not ready, and Stop then ends it with the text so far', async () => {
      let release: () => void = () => {}
      let calls = 0
      const ready = () => (++calls === 1 ? undefined : new Promise<void>((r) => (release = r)))
      const controller = new AbortController()
      const events: TurnEvent[] = []
      const turn = runTurn(
        {
          streamChat: scriptedStream([
            { type: 'text', text: 'x'.repeat(3 * TEXT_PIECE_CHARS) },
            { type: 'finish', reason: 'stop' }
          ]),
          createSegmenter: silentSegmenter,
          speech: null,
          ready
        },
        { turnId: 't1', provider, messages: [], stream: false, signal: controller.signal },
        (e) => events.push(e)
      )
      await new Promise((r) => setTimeout(r, 50))
      expect(deltas(events).map((d) => d.text.length)).toEqual([TEXT_PIECE_CHARS])
      controller.abort()
      release()
      const outcome = await turn
      expect(outcome).toMatchObject({ type: 'error', kind: 'aborted', partialText: 'x'.repeat(TEXT_PIECE_CHARS) })
    })
  })
})
