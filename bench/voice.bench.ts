import { startFakeLlm, type FakeLlm } from '../test/fake-llm'
import { installTranscriptions } from '../test/fake-llm/transcriptions'
import { PushToTalk, type VoiceOptions } from '../src/main/engine/voice/push-to-talk'
import { TalkMode } from '../src/main/engine/voice/talk-mode'
import type { Capture } from '../src/main/engine/voice/microphone'
import { createTranscriber } from '../src/main/engine/voice/transcriber'
import type { VoiceTimings } from '../src/main/engine/voice/voice-timings'
import { encodeWav } from '../src/main/engine/voice/wav'
import { TurnController } from '../src/main/app/turns/turn-controller'
import { InMemoryHistory } from '../test/support/in-memory-history'
import { streamChat } from '../src/main/engine/llm/chat-stream'
import { createSegmenter } from '../src/main/engine/segmenter/sentence-stream'
import { TtsError, type TtsEngine } from '../src/main/engine/speech/speech-types'
import { SpeechQueue } from '../src/main/engine/speech/speech-queue'
import { defaultSettings } from '../src/shared/settings'
import type { BenchTable } from './run'
import { percentile } from './support/stats'
import { bareTranscription, voiceStages, type VoiceStages } from './support/voice-stages'

/**
 * Voice to voice: from the moment the speaker stops talking to the first sound
 * of the answer, stage by stage, with the default settings and with the old
 * ones (a fixed 1.5 s of silence, one transcription after it) in the same run.
 * The microphone is a fake that delivers a spoken question in real time (so
 * pauses, speculative transcription and the end-of-turn wait happen as they
 * would), the services are the fake server's speech-to-text and chat stream
 * and a voice with a scripted time to first sound. Speech-to-text takes a
 * fixed time plus a time per second of audio, as real services do, so a guess
 * over a longer recording costs what it would; a question asked in a few
 * breaths, each pause long enough for a guess, shows what that does to the
 * end-of-turn wait. The services' own times, measured bare in the same run,
 * are subtracted: what is left, apart from the end-of-turn wait, is Hark's.
 * Barge-in is timed from the hotkey's toggle() to the queue's 'cancelled'.
 */

const RUNS = 5
/** speech-to-text: a round trip, plus time per second of audio */
const STT_FIXED_MS = 100
const STT_PER_SECOND_MS = 50
/** the voice's own time from text to first sound (a fast neural or local voice) */
const TTS_FIRST_SOUND_MS = 80
const LEAD_MS = 300
const SPEECH_MS = 1500
/** a pause for breath mid-question: long enough for a guess, too short to end the turn */
const BREATH_MS = 300
const ANSWER = 'Paris is the capital of France. It sits on the Seine.'
const TRANSCRIPT = 'What is the capital of France?'
const BYTES_PER_MS = 32

/** audio time (ms) when a question spoken in `breaths` stretches of SPEECH_MS ends */
const speechEndMs = (breaths: number) => LEAD_MS + breaths * SPEECH_MS + (breaths - 1) * BREATH_MS

/** a question: lead-in silence, voice in `breaths` stretches, then silence until listening stops */
function questionPcm(breaths: number): Buffer {
  const pcm = Buffer.alloc((speechEndMs(breaths) + 5000) * BYTES_PER_MS)
  for (let b = 0; b < breaths; b++) {
    const from = (LEAD_MS + b * (SPEECH_MS + BREATH_MS)) * BYTES_PER_MS
    for (let i = 0; i < (SPEECH_MS * BYTES_PER_MS) / 2; i++)
      pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 180 * i) / 16_000) * 9000), from + i * 2)
  }
  return pcm
}

/** What one spoken question went through, in performance.now() time. */
interface Run {
  speechEndAt: number
  stopAt?: number
  firstTokenAt?: number
  queuedAt?: number
  soundAt?: number
  timings?: VoiceTimings
}

function pipeline(fake: FakeLlm, options: () => VoiceOptions, breaths: number) {
  let run: Run = { speechEndAt: 0 }
  /** every listen's run, in order (Talk mode listens again by itself) */
  const all: Run[] = []
  const engine: TtsEngine = {
    name: 'bench',
    check: async () => null,
    speak: (_text, { signal }) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          run.soundAt ??= performance.now()
          setTimeout(resolve, 100)
        }, TTS_FIRST_SOUND_MS)
        signal.addEventListener('abort', () => {
          clearTimeout(t)
          reject(new TtsError('stopped', 'aborted'))
        })
      })
  }
  const voice = new SpeechQueue({ engine, prefetch: false })
  voice.onEnqueue(() => (run.queuedAt ??= performance.now()))
  const settings = { ...defaultSettings(), systemPrompt: '' }
  const turns = new TurnController({
    settings: () => settings,
    provider: () => ({ baseUrl: fake.url, apiKey: 'bench', model: 'fake-model' }),
    history: new InMemoryHistory(),
    speech: voice,
    streamChat,
    createSegmenter,
    publish: (e) => e.type === 'delta' && (run.firstTokenAt ??= performance.now())
  })
  const pcm = questionPcm(breaths)
  const ptt = new PushToTalk({
    settings: options,
    startCapture: (onChunk): Capture =>
      realTimeMic(
        pcm,
        speechEndMs(breaths),
        (at) => {
          run = { speechEndAt: at }
          all.push(run)
        },
        onChunk
      ),
    transcribe: createTranscriber({ baseUrl: fake.url, apiKey: 'bench', model: 'whisper-1' }),
    ask: (prompt) => {
      const turn = turns.ask({ prompt })
      return { ...turn, done: turn.done.then(() => ({})) }
    },
    interrupt: () => turns.stop(),
    onSpeech: (l) => voice.onEvent(l),
    voiceIdle: (turnId) => voice.idle(turnId),
    notify: (level, message) => {
      throw new Error(`unexpected ${level}: ${message}`)
    }
  })
  ptt.onStatus((s) => s.state === 'transcribing' && (run.stopAt ??= performance.now()))
  ptt.onTimings((t) => (run.timings = t))
  return { ptt, talk: new TalkMode(ptt), voice, current: () => run, all }
}

/** delivers the PCM as a recorder would, in step with the clock; tells when the speaker stopped */
function realTimeMic(
  pcm: Buffer,
  endMs: number,
  onStart: (speechEndAt: number) => void,
  onChunk: (pcm: Buffer) => void
): Capture {
  const started = performance.now()
  onStart(started + endMs)
  let sent = 0
  let stop = () => {}
  const ended = new Promise<void>((resolve) => (stop = resolve))
  const timer = setInterval(() => {
    const due = Math.min(pcm.length, Math.floor((performance.now() - started) * BYTES_PER_MS) & ~1)
    if (due > sent) onChunk(pcm.subarray(sent, due))
    sent = due
  }, 10)
  return {
    ended,
    stop: () => {
      clearInterval(timer)
      stop()
    }
  }
}

async function once(p: ReturnType<typeof pipeline>): Promise<Required<Run>> {
  p.ptt.toggle()
  for (;;) {
    await new Promise((r) => setTimeout(r, 20))
    const r = p.current()
    if (r.soundAt !== undefined && r.timings && p.ptt.status.state === 'idle') return r as Required<Run>
  }
}

const complete = (r: Run): r is Required<Run> => r.soundAt !== undefined && r.timings !== undefined

/**
 * Talk mode: one press, then the user asks again each time Hark listens again
 * (the fake mic speaks on every listen). Turns after the first are the ones
 * that went through "the voice is done → listen again".
 */
async function talkTurns(p: ReturnType<typeof pipeline>, turns: number): Promise<Array<Required<Run>>> {
  const from = p.all.length
  p.talk.press()
  while (p.all.slice(from).filter(complete).length < turns + 1) await new Promise((r) => setTimeout(r, 20))
  p.talk.end()
  await new Promise((r) => setTimeout(r, 20))
  return p.all
    .slice(from)
    .filter(complete)
    .slice(1, turns + 1)
}

/** hotkey while the answer is being spoken → the voice reports it stopped */
async function bargeIn(ptt: PushToTalk, voice: SpeechQueue): Promise<number> {
  await new Promise<void>((resolve) => {
    const off = ptt.onStatus((st) => st.state === 'speaking' && (off(), resolve()))
    ptt.toggle()
  })
  const pressed = performance.now()
  const stopped = new Promise<number>((resolve) => {
    const off = voice.onEvent((e) => e.state === 'cancelled' && (off(), resolve(performance.now() - pressed)))
  })
  ptt.toggle()
  const ms = await stopped
  ptt.cancel()
  await new Promise((r) => setTimeout(r, 20))
  return ms
}

/** bare fetch: the STT round trip and the chat stream until its first sentence ends */
async function baseline(fake: FakeLlm, wav: Buffer): Promise<{ sttMs: number; llmMs: number }> {
  const sttMs = await bareTranscription(fake.url, wav)
  const t = performance.now()
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

/** the stages of one run, in ms */
const stagesOf = (r: Required<Run>): VoiceStages =>
  voiceStages({
    speechEnd: r.speechEndAt,
    stop: r.stopAt,
    firstToken: r.firstTokenAt,
    queued: r.queuedAt,
    sound: r.soundAt,
    timings: r.timings
  })

const DEFAULTS = 'defaults'
const BEFORE = 'before (fixed 1.5 s)'
const BREATHS = 3
const CONFIGS: Array<{ label: string; options: VoiceOptions; breaths: number }> = [
  { label: DEFAULTS, options: defaultSettings().voiceInput, breaths: 1 },
  {
    label: BEFORE,
    options: { ...defaultSettings().voiceInput, silenceMs: 1500, endOfTurn: 'fixed' },
    breaths: 1
  },
  { label: `defaults, ${BREATHS} breaths`, options: defaultSettings().voiceInput, breaths: BREATHS }
]
/** a Talk-mode turn with the defaults: the same path, entered by "listen again" instead of the hotkey */
const TALK = 'Talk mode turn'
const COLUMNS = [...CONFIGS.map((c) => c.label), TALK]

/** one column's runs, the services' bare times for its question, and the audio it uploaded per turn */
interface Column {
  stages: VoiceStages[]
  bareStt: number
  bareLlm: number
  /** audio sent to speech-to-text ÷ audio recorded, per turn */
  uploaded: number
}

export default async function run(): Promise<BenchTable[]> {
  const fake = await startFakeLlm({ text: ANSWER, timing: { tps: 200 } })
  const stt = installTranscriptions(fake, { text: TRANSCRIPT, delayMs: STT_FIXED_MS, perSecondMs: STT_PER_SECOND_MS })
  try {
    const columns = new Map<string, Column>()
    const barge: number[] = []
    for (const { label, options, breaths } of CONFIGS) {
      const recordedMs = speechEndMs(breaths) + 300
      const wav = encodeWav(questionPcm(breaths).subarray(0, recordedMs * BYTES_PER_MS))
      const p = pipeline(fake, () => options, breaths)
      await once(p) // warm-up: module loading and the first connection
      const runs: VoiceStages[] = []
      const bare: Array<{ sttMs: number; llmMs: number }> = []
      let uploadedMs = 0
      for (let i = 0; i < RUNS; i++) {
        const from = stt.calls.length
        runs.push(stagesOf(await once(p)))
        uploadedMs += stt.calls.slice(from).reduce((ms, c) => ms + c.wav.durationMs, 0)
        bare.push(await baseline(fake, wav))
      }
      const med = (f: (b: { sttMs: number; llmMs: number }) => number) => percentile(bare.map(f), 50)
      const column = {
        stages: runs,
        bareStt: med((b) => b.sttMs),
        bareLlm: med((b) => b.llmMs),
        uploaded: uploadedMs / RUNS / recordedMs
      }
      columns.set(label, column)
      if (label === DEFAULTS) {
        for (let i = 0; i < RUNS; i++) barge.push(await bargeIn(p.ptt, p.voice))
        columns.set(TALK, { ...column, stages: (await talkTurns(p, RUNS)).map(stagesOf) })
      }
      p.talk.dispose()
      p.ptt.dispose()
    }
    return [latencyTable(columns), bargeTable(barge)]
  } finally {
    await fake.close()
  }
}

function latencyTable(columns: Map<string, Column>): BenchTable {
  const med = (label: string, f: (s: VoiceStages, c: Column) => number) => {
    const c = columns.get(label)!
    return percentile(
      c.stages.map((s) => f(s, c)),
      50
    )
  }
  /** everything but the end-of-turn wait and the services' own time on the path after it */
  const harkShare = (s: VoiceStages, c: Column) =>
    s.total - s.endOfTurn - Math.min(s.stt, c.bareStt) - c.bareLlm - Math.min(s.firstSound, TTS_FIRST_SOUND_MS)
  const servicesOf = (label: string) => columns.get(label)!.bareStt + columns.get(label)!.bareLlm + TTS_FIRST_SOUND_MS
  const row = (stage: string, f: (s: VoiceStages, c: Column) => number, note = '') => ({
    stage,
    ...Object.fromEntries(COLUMNS.map((label) => [`${label} ms`, med(label, f)])),
    note
  })
  const eot = med(DEFAULTS, (s) => s.endOfTurn)
  /** the target is for the default settings, however the question is asked */
  const share = Math.max(...COLUMNS.filter((label) => label !== BEFORE).map((label) => med(label, harkShare)))
  const total = med(DEFAULTS, (s) => s.total)
  const before = med(BEFORE, (s) => s.total)
  const ratioToServices = (label: string) =>
    (med(label, (s) => s.total) / (med(label, (s) => s.endOfTurn) + servicesOf(label))).toFixed(2)
  const uploads = CONFIGS.map(({ label }) => `${label} ${columns.get(label)!.uploaded.toFixed(2)}x`).join(', ')
  return {
    title:
      `Voice to voice: end of speech → first sound of the answer (question "${TRANSCRIPT}", ` +
      `STT ${STT_FIXED_MS} ms + ${STT_PER_SECOND_MS} ms per second of audio, voice ${TTS_FIRST_SOUND_MS} ms to first sound, median of ${RUNS})`,
    rows: [
      row(
        'end-of-turn wait',
        (s) => s.endOfTurn,
        `target ≤ 500 ms for a complete question (defaults): ${eot <= 500 ? 'met' : 'MISSED'}`
      ),
      row('recorder drain', (s) => s.drain),
      row(
        'STT left after listening ends',
        (s) => s.stt,
        `bare STT request: ${CONFIGS.map(({ label }) => columns.get(label)!.bareStt.toFixed(1)).join(' / ')} ms`
      ),
      row('transcript → ask', (s) => s.ask),
      row('ask → first token', (s) => s.firstToken),
      row(
        'first token → first sentence queued',
        (s) => s.firstSentence,
        `bare stream to 1st sentence: ${columns.get(DEFAULTS)!.bareLlm.toFixed(1)} ms`
      ),
      row('queued → first sound', (s) => s.firstSound, `the voice's own: ${TTS_FIRST_SOUND_MS} ms`),
      row('total', (s) => s.total, `defaults vs before: ${(total / before).toFixed(3)}`),
      row("Hark's own share", harkShare, `target < 50 ms with the defaults: ${share < 50 ? 'met' : 'MISSED'}`)
    ],
    notes: [
      `Services' own times, bare, same run, for the one-breath question: ${servicesOf(DEFAULTS).toFixed(1)} ms ` +
        `(STT, chat to 1st sentence, voice ${TTS_FIRST_SOUND_MS}). ` +
        `Total ÷ (end-of-turn wait + that sum), below 1 when speech-to-text ran during the wait: ` +
        COLUMNS.map((label) => `${label} ${ratioToServices(label)}`).join(', ') +
        '.',
      `Audio uploaded to speech-to-text per turn ÷ audio recorded: ${uploads}.`,
      `With ${BREATHS} breaths the end-of-turn wait is the last guess's round trip (it uploads the whole question), not the policy's half silence.`,
      "Hark's share = total − end-of-turn wait − the services' time still on the path after it (STT left, at most its bare time; bare chat to 1st sentence; the voice's own start).",
      'The recorder is a fake that stops at once; arecord’s own exit is the machine’s, measured by the audio tests.'
    ]
  }
}

function bargeTable(stops: number[]): BenchTable {
  const stop = percentile(stops, 50)
  return {
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
}
