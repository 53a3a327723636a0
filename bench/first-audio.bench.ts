import { performance } from 'node:perf_hooks'
import { startFakeLlm, type FakeLlm } from '../test/fake-llm'
import { installSpeech, type FakeSpeech } from '../test/fake-llm/speech'
import { ensurePulse, startCapture } from '../test/support/pulse'
import { streamChat } from '../src/main/engine/llm/chat-stream'
import { createSegmenter } from '../src/main/engine/segmenter/sentence-stream'
import { createEspeakEngine } from '../src/main/engine/speech/espeak-engine'
import { createFestivalEngine } from '../src/main/engine/speech/festival-engine'
import { ProviderEngine, type ProviderEngineOptions } from '../src/main/engine/speech/provider-engine'
import { SpeechQueue } from '../src/main/engine/speech/speech-queue'
import type { TtsEngine } from '../src/main/engine/speech/speech-types'
import { runTurn } from '../src/main/engine/turn'
import type { TurnEvent } from '../src/shared/turn-events'
import type { BenchTable } from './run'
import { measureDeadAir } from './support/dead-air'
import { nearestRank } from './support/stats'
import { ownTimeToSound } from './support/own-time-to-sound'
import { REFERENCE_ANSWER } from './support/reference-answer'
import { CHUNK_MS, FIRST_TOKEN_MS, installReferenceChat, type ChatLog } from './support/reference-chat'

/**
 * Time to first audio, heard on the PulseAudio sink monitor: from the chat
 * request reaching the server to the first sound, for the reference answer
 * (8 sentences, 250 ms to the first token, then a 3–5 character chunk every
 * 30 ms), streaming vs batch, per engine. The limit is measured in the same
 * run: when the first boundary arrived plus the engine's own time to first
 * sound for that sentence (speak() → sound, in the state a turn finds it).
 * Then the provider voice's dead air between sentences, with and without
 * requesting the next sentence while the current one plays.
 */

const RUNS = 3
const SPEECH_TTFB_MS = 200
const ANSWER = REFERENCE_ANSWER
const FIRST_SENTENCE = ANSWER.split('. ')[0]! + '.'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

interface TurnSample {
  firstSound: number
  /** when the chunk that completed the first utterance arrived, from the request */
  boundary: number
}

/** One turn of the reference answer through Hark's engine; stopped once the first sound is heard. */
async function turnToFirstSound(fake: FakeLlm, log: ChatLog, engine: TtsEngine, stream: boolean): Promise<TurnSample> {
  const queue = new SpeechQueue({ engine })
  const capture = await startCapture()
  const controller = new AbortController()
  let firstEnd = -1
  const t = performance.now()
  const turn = runTurn(
    { streamChat, createSegmenter, speech: queue },
    {
      turnId: `ref-${t}`,
      provider: { baseUrl: fake.url, apiKey: 'bench', model: 'ref' },
      messages: [{ role: 'user', content: 'Tell me about Paris.' }],
      stream,
      signal: controller.signal
    },
    (e: TurnEvent) => {
      if (e.type === 'utterance' && e.index === 0) firstEnd = e.range[1]
    }
  )
  try {
    const heard = await capture.waitForSound(20_000, t)
    const boundaryWrite = log.writes.find((w) => w.length > firstEnd)
    return {
      firstSound: heard - log.requestAt,
      boundary: stream && boundaryWrite ? boundaryWrite.at - log.requestAt : NaN
    }
  } finally {
    controller.abort()
    queue.stop()
    await turn
    await queue.idle()
    await capture.stop()
    await sleep(300)
  }
}

const p50 = (xs: number[]): number => nearestRank(xs, 50)

async function engineRow(
  name: string,
  engine: TtsEngine,
  fake: FakeLlm,
  log: ChatLog,
  target: string
): Promise<Record<string, string | number>> {
  const streaming: TurnSample[] = []
  const batch: TurnSample[] = []
  const own: number[] = []
  for (let run = 0; run < RUNS; run++) {
    streaming.push(await turnToFirstSound(fake, log, engine, true))
    batch.push(await turnToFirstSound(fake, log, engine, false))
    own.push(await ownTimeToSound(engine, FIRST_SENTENCE))
  }
  const s = p50(streaming.map((x) => x.firstSound))
  const b = p50(batch.map((x) => x.firstSound))
  const boundary = p50(streaming.map((x) => x.boundary))
  const limit = boundary + p50(own)
  return {
    engine: name,
    'streaming ms': Math.round(s),
    'batch ms': Math.round(b),
    'streaming / batch': s / b,
    'first boundary ms': Math.round(boundary),
    'own first sound ms': Math.round(p50(own)),
    'limit ms': Math.round(limit),
    'streaming vs limit': s / limit,
    'sound after boundary ms': Math.round(s - boundary),
    target
  }
}

function providerEngine(fake: FakeLlm, opts: ProviderEngineOptions = {}): ProviderEngine {
  return new ProviderEngine(
    { baseUrl: fake.url, apiKey: 'bench', model: 'tts-bench', voice: 'en', format: 'pcm' },
    opts
  )
}

async function providerDeadAir(fake: FakeLlm, speech: FakeSpeech): Promise<BenchTable> {
  speech.set({ ttfbMs: SPEECH_TTFB_MS, realtime: 4 })
  const sentences = ANSWER.split(/(?<=\.) /).slice(0, 5)
  const baseline = await measureDeadAir(
    () => new SpeechQueue({ engine: providerEngine(fake), prefetch: false }),
    sentences,
    RUNS
  )
  const prefetched = await measureDeadAir(() => new SpeechQueue({ engine: providerEngine(fake) }), sentences, RUNS)
  const row = (queue: string, gaps: number[]) => ({
    queue,
    'gap p50 ms': Math.round(p50(gaps)),
    'gap p95 ms': Math.round(nearestRank(gaps, 95)),
    'p50 vs baseline': p50(gaps) / p50(baseline.gaps),
    gaps: gaps.length
  })
  return {
    title: `Dead air between sentences, provider voice (fake /audio/speech: ${SPEECH_TTFB_MS} ms to first byte, 4× real time)`,
    rows: [
      row('request on its turn (baseline)', baseline.gaps),
      row('request the next while one plays (default)', prefetched.gaps)
    ]
  }
}

export default async function bench(): Promise<BenchTable[]> {
  const pulse = await ensurePulse()
  const fake = await startFakeLlm()
  try {
    const log = installReferenceChat(fake)
    const speech = installSpeech(fake, { ttfbMs: SPEECH_TTFB_MS, realtime: 4 })
    const rows = [
      await engineRow(
        'festival, cold start (baseline: before this change)',
        createFestivalEngine({ warmStart: false }),
        fake,
        log,
        '0.305 in issue 16'
      ),
      await engineRow('festival', createFestivalEngine(), fake, log, 'streaming / batch ≤ 0.2'),
      await engineRow(
        'espeak-ng, a player started per sentence (baseline: before this change)',
        createEspeakEngine({ warmPlayer: false }),
        fake,
        log,
        '85 ms after the boundary in issue 16'
      ),
      await engineRow('espeak-ng', createEspeakEngine(), fake, log, 'sound ≤ 50 ms after the boundary'),
      await engineRow(
        'provider, a player started per sentence, untrimmed (baseline: before this change)',
        providerEngine(fake, { warmPlayer: false, trimSilence: false }),
        fake,
        log,
        '291 ms after the boundary in issue 16'
      ),
      await engineRow(
        'provider',
        providerEngine(fake),
        fake,
        log,
        `sound ≤ TTFB + 50 = ${SPEECH_TTFB_MS + 50} ms after the boundary`
      )
    ]
    return [
      {
        title: `Time to first audio on the sink: request → first sound (reference answer, p50 of ${RUNS})`,
        rows,
        notes: [
          `Reference answer: 8 sentences, ${FIRST_TOKEN_MS} ms to the first token, a 3–5 character chunk every ${CHUNK_MS} ms; batch waits for the whole answer.`,
          `Own first sound: the engine's speak() → sound for the first sentence (festival warmed, as a turn warms it; provider includes the endpoint's ${SPEECH_TTFB_MS} ms to first byte).`,
          `PulseAudio: ${pulse.owned ? 'started for this bench' : 'already running'} (${pulse.server})`
        ]
      },
      await providerDeadAir(fake, speech)
    ]
  } finally {
    await fake.close()
    await pulse.stop()
  }
}
