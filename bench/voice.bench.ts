import { startFakeLlm, type FakeLlm } from '../test/fake-llm'
import { installTranscriptions, type FakeStt } from '../test/fake-llm/transcriptions'
import { PushToTalk } from '../src/main/engine/voice/push-to-talk'
import type { Capture } from '../src/main/engine/voice/microphone'
import { createTranscriber } from '../src/main/engine/voice/transcriber'
import type { VoiceTimings } from '../src/main/engine/voice/voice-timings'
import { encodeWav } from '../src/main/engine/voice/wav'
import { TurnController } from '../src/main/app/turn-controller'
import { InMemoryHistory } from '../src/main/app/conversation-history'
import { streamChat } from '../src/main/engine/llm/chat-stream'
import { createSegmenter } from '../src/main/engine/segmenter/sentence-stream'
import { TtsError, type TtsEngine } from '../src/main/engine/speech/speech-types'
import { SpeechQueue } from '../src/main/engine/speech/speech-queue'
import { defaultSettings } from '../src/shared/settings'
import type { BenchTable } from './run'
import { percentile } from './support/stats'

/**
 * Push-to-talk latency against the fake server: from the end of listening to
 * the first utterance handed to the voice, stage by stage. The baseline is the
 * same STT request and the same chat stream (to its first full sentence) made
 * with bare fetch; what Hark adds on top of them is its own overhead.
 * The microphone is a fake that delivers a recorded-length take at once, and
 * the voice is Hark's speech queue over a fake engine: recorder and TTS
 * start-up are the machine's, not Hark's, and are benchmarked elsewhere.
 * Barge-in is timed from the hotkey's toggle() to the queue's 'cancelled'.
 */

const RUNS = 10
const STT_DELAY_MS = 150
const ANSWER = 'Paris is the capital of France. It sits on the Seine. About two million people live there.'
const TRANSCRIPT = 'what is the capital of france'

function speechPcm(): Buffer {
  const rate = 16_000
  const voiced = Array.from({ length: rate * 1.5 }, (_, i) =>
    Math.round(Math.sin((2 * Math.PI * 180 * i) / rate) * 9000)
  )
  const pcm = Buffer.alloc((rate * 0.3 + voiced.length + rate * 1.0) * 2)
  voiced.forEach((s, i) => pcm.writeInt16LE(s, (rate * 0.3 + i) * 2))
  return pcm
}

/**
 * Hark's real speech queue over an engine that "plays" each utterance for
 * 400 ms unless stopped: the queue's own cost is Hark's, the synthesiser's is not.
 */
function benchVoice(): SpeechQueue {
  const engine: TtsEngine = {
    name: 'bench',
    check: async () => null,
    speak: (_text, { signal }) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(resolve, 400)
        signal.addEventListener('abort', () => {
          clearTimeout(t)
          reject(new TtsError('stopped', 'aborted'))
        })
      })
  }
  return new SpeechQueue({ engine, prefetch: false })
}

function pipeline(fake: FakeLlm) {
  const settings = { ...defaultSettings(), systemPrompt: '' }
  const voice = benchVoice()
  const turns = new TurnController({
    settings: () => settings,
    provider: () => ({ baseUrl: fake.url, apiKey: 'bench', model: 'fake-model' }),
    history: new InMemoryHistory(),
    speech: voice,
    streamChat,
    createSegmenter,
    publish: () => {}
  })
  const pcm = speechPcm()
  const ptt = new PushToTalk({
    settings: () => ({ silenceMs: 600, maxSeconds: 30, chimes: false, endOfTurn: 'fixed' }),
    startCapture: (onChunk): Capture => {
      let stop = () => {}
      const ended = new Promise<void>((r) => (stop = r))
      setImmediate(() => {
        for (let i = 0; i < pcm.length; i += 4096) onChunk(pcm.subarray(i, i + 4096))
      })
      return { ended, stop: () => stop() }
    },
    transcribe: createTranscriber({ baseUrl: fake.url, apiKey: 'bench', model: 'whisper-1' }),
    ask: (prompt) => turns.ask({ prompt }),
    interrupt: () => turns.stop(),
    onSpeech: (l) => voice.onEvent(l),
    notify: (level, message) => {
      throw new Error(`unexpected ${level}: ${message}`)
    },
    settleMs: 0
  })
  return { ptt, pcm, voice }
}

function once(ptt: PushToTalk): Promise<VoiceTimings> {
  return new Promise((resolve) => {
    const off = ptt.onTimings((t) => {
      off()
      resolve(t)
    })
    ptt.toggle()
  })
}

/** hotkey while the answer is being spoken → the voice reports it stopped */
async function bargeIn(ptt: PushToTalk, voice: SpeechQueue): Promise<number> {
  await new Promise<void>((resolve) => {
    const off = ptt.onStatus((st) => st.state === 'speaking' && (off(), resolve()))
    ptt.toggle()
  })
  return new Promise((resolve) => {
    let pressed = 0
    const off = voice.onEvent((e) => {
      if (e.state !== 'cancelled') return
      off()
      resolve(performance.now() - pressed)
    })
    pressed = performance.now()
    ptt.toggle()
  }).then(async (ms) => {
    ptt.cancel()
    await new Promise((r) => setTimeout(r, 20))
    return ms as number
  })
}

/** bare fetch: the STT round trip and the chat stream until its first sentence ends */
async function baseline(fake: FakeLlm, wav: Buffer): Promise<{ sttMs: number; llmMs: number }> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'speech.wav')
  form.append('model', 'whisper-1')
  let t = performance.now()
  await (await fetch(`${fake.url}/audio/transcriptions`, { method: 'POST', body: form })).json()
  const sttMs = performance.now() - t
  t = performance.now()
  const res = await fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: TRANSCRIPT }] })
  })
  const reader = res.body!.getReader()
  let text = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    for (const m of new TextDecoder().decode(value).matchAll(/"content":"((?:[^"\\]|\\.)*)"/g)) text += m[1]
    if (/[.!?]\s/.test(text)) break
  }
  const llmMs = performance.now() - t
  await reader.cancel()
  return { sttMs, llmMs }
}

export default async function run(): Promise<BenchTable[]> {
  const fake = await startFakeLlm({ text: ANSWER, timing: { tps: 200 } })
  const stt: FakeStt = installTranscriptions(fake, { text: TRANSCRIPT, delayMs: STT_DELAY_MS })
  try {
    const { ptt, pcm, voice } = pipeline(fake)
    const wav = encodeWav(pcm)
    await once(ptt) // warm-up: module loading and the first connection
    await baseline(fake, wav)
    const hark: VoiceTimings[] = []
    const bare: Array<{ sttMs: number; llmMs: number }> = []
    for (let i = 0; i < RUNS; i++) {
      hark.push(await once(ptt))
      await new Promise((r) => setTimeout(r, 20))
      bare.push(await baseline(fake, wav))
    }
    const stops: number[] = []
    for (let i = 0; i < RUNS; i++) stops.push(await bargeIn(ptt, voice))
    ptt.dispose()
    const m = (f: (t: VoiceTimings) => number | null) =>
      percentile(
        hark.map((t) => f(t) ?? NaN),
        50
      )
    const total = m((t) => t.totalMs)
    const bareStt = percentile(
      bare.map((b) => b.sttMs),
      50
    )
    const bareLlm = percentile(
      bare.map((b) => b.llmMs),
      50
    )
    const overhead = total - bareStt - bareLlm
    const row = (stage: string, ms: number, note = '') => ({ stage, 'median ms': ms, note })
    const stop = percentile(stops, 50)
    const barge: BenchTable = {
      title: `Barge-in: hotkey while speaking → voice stopped (Hark's path: toggle → turn stop → speech queue), median of ${RUNS}`,
      rows: [
        {
          measure: 'toggle() → speech "cancelled"',
          'median ms': stop,
          'max ms': Math.max(...stops),
          target: '< 100 ms',
          ratio: `${(stop / 100).toFixed(3)} of target`
        }
      ],
      notes: ['Killing the TTS process itself is measured by the speech benchmarks.']
    }
    const latency: BenchTable = {
      title: `Push-to-talk: end of listening → first utterance spoken (fake server, STT ${STT_DELAY_MS} ms, median of ${RUNS})`,
      rows: [
        row('trailing-silence wait (setting, by design)', 600, 'not counted below'),
        row(
          'recorder drain',
          m((t) => t.captureDrainMs)
        ),
        row(
          'WAV encode',
          m((t) => t.encodeMs)
        ),
        row(
          'STT request (Hark, openai SDK)',
          m((t) => t.sttMs),
          `bare fetch: ${bareStt.toFixed(1)} ms`
        ),
        row(
          'transcript → ask',
          m((t) => t.askMs)
        ),
        row(
          'ask → first utterance speaking',
          m((t) => t.firstSpokenMs),
          `bare stream to 1st sentence: ${bareLlm.toFixed(1)} ms`
        ),
        row(
          'total (stop → first utterance)',
          total,
          `ratio vs bare STT+LLM: ${(total / (bareStt + bareLlm)).toFixed(2)}x`
        ),
        row("Hark's own overhead", overhead, overhead < 50 ? 'target < 50 ms: met' : 'target < 50 ms: MISSED')
      ],
      notes: [
        `STT server time (median, includes its ${STT_DELAY_MS} ms delay): ${percentile(
          stt.calls.map((c) => c.serverMs),
          50
        ).toFixed(1)} ms`
      ]
    }
    return [latency, barge]
  } finally {
    await fake.close()
  }
}
