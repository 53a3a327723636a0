import { startFakeLlm } from '../test/fake-llm'
import { streamChat } from '../src/main/engine/llm/chat-stream'
import { createSegmenter } from '../src/main/engine/segmenter/sentence-stream'
import { runTurn } from '../src/main/engine/turn'
import type { SpeechSink } from '../src/main/engine/speech/speech-types'
import type { BenchTable } from './run'
import { percentile } from './support/stats'

/**
 * Pipeline overhead: from the fake server writing the chunk that completes the
 * first sentence to that sentence being queued for the voice, through the real
 * path (loopback HTTP, the openai SDK's SSE parsing, the turn, the segmenter).
 * The baseline is the bare SDK stream (parse only), timed the same way.
 */

const ANSWER = 'Paris is the capital of France. It sits on the Seine. About two million people live there.'
const RUNS = 200

/** A sentence is decidable once the next non-space character shows its period is final. */
const FIRST_DECIDABLE = /France\.\s*\S/

/** When the chunk that made the first sentence decidable was written. */
function completingWrite(writes: Array<{ at: number; payload: string }>): number {
  let text = ''
  for (const w of writes) {
    text += /"content":"((?:[^"\\]|\\.)*)"/.exec(w.payload)?.[1] ?? ''
    if (FIRST_DECIDABLE.test(text)) return w.at
  }
  throw new Error('the first sentence never completed')
}

function queueTimer(): { sink: SpeechSink; firstQueuedAt: () => number } {
  let at = -1
  const sink: SpeechSink = {
    enqueue: () => {
      if (at < 0) at = performance.now()
    },
    stop: () => {},
    onEvent: () => () => {},
    idle: () => Promise.resolve(),
    onError: () => () => {}
  }
  return { sink, firstQueuedAt: () => at }
}

export default async function run(): Promise<BenchTable> {
  // 6-char chunks, 2 ms apart: the sentence ends mid-stream, as it does with a real model.
  const fake = await startFakeLlm({ text: ANSWER, timing: { chunkSize: 6, delayMs: 2 } })
  const provider = { baseUrl: fake.url, apiKey: 'bench', model: 'bench' }
  const messages = [{ role: 'user' as const, content: 'q' }]
  const hark: number[] = []
  const bare: number[] = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const { sink, firstQueuedAt } = queueTimer()
      await runTurn(
        { streamChat, createSegmenter, speech: sink },
        { turnId: `b${i}`, provider, messages, stream: true, segmenter: { firstFragment: false } },
        () => {}
      )
      hark.push(firstQueuedAt() - completingWrite(fake.requests.at(-1)!.writes))

      let seen = ''
      let parsedAt = -1
      for await (const chunk of streamChat(provider, { messages, stream: true })) {
        if (chunk.type !== 'text') continue
        seen += chunk.text
        if (parsedAt < 0 && FIRST_DECIDABLE.test(seen)) parsedAt = performance.now()
      }
      bare.push(parsedAt - completingWrite(fake.requests.at(-1)!.writes))
    }
  } finally {
    await fake.close()
  }
  const row = (name: string, xs: number[]) => ({
    path: name,
    'p50 ms': percentile(xs, 50),
    'p99 ms': percentile(xs, 99)
  })
  return {
    title: `Pipeline overhead: chunk completing the first sentence written → utterance queued (${RUNS} turns)`,
    rows: [
      row('bare SDK stream: write → text parsed (baseline)', bare),
      row('Hark: write → utterance queued for the voice', hark),
      { path: "Hark's own share (p50 difference)", 'p50 ms': percentile(hark, 50) - percentile(bare, 50), 'p99 ms': '' }
    ],
    notes: ['Target: Hark p50 under 2 ms. Both paths include loopback HTTP and the SDK’s SSE parsing.']
  }
}
