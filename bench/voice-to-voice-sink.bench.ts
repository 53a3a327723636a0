import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { startFakeLlm, type FakeLlm } from '../test/fake-llm'
import { installTranscriptions, type FakeStt } from '../test/fake-llm/transcriptions'
import { ensurePulse, lastSoundBefore, startCapture } from '../test/support/pulse'
import { renderSpeech, speakIntoMic } from '../test/support/virtual-mic'
import { InMemoryHistory } from '../test/support/in-memory-history'
import { TurnController } from '../src/main/app/turns/turn-controller'
import { streamChat } from '../src/main/engine/llm/chat-stream'
import { createSegmenter } from '../src/main/engine/segmenter/sentence-stream'
import { createEspeakEngine } from '../src/main/engine/speech/espeak-engine'
import { SpeechQueue } from '../src/main/engine/speech/speech-queue'
import { startCapture as startRecorder } from '../src/main/engine/voice/microphone'
import { PushToTalk } from '../src/main/engine/voice/push-to-talk'
import { chooseRecorder } from '../src/main/engine/voice/recorder-binary'
import { createTranscriber } from '../src/main/engine/voice/transcriber'
import { defaultSettings } from '../src/shared/settings'
import type { BenchTable } from './run'
import { ownTimeToSound } from './support/own-time-to-sound'
import { REFERENCE_ANSWER } from './support/reference-answer'
import { installReferenceChat } from './support/reference-chat'
import { percentile } from './support/stats'
import { bareTranscription, voiceStages, type VoiceMarks, type VoiceStages } from './support/voice-stages'

/**
 * Voice to voice, heard: festival speaks a question into the PulseAudio null
 * sink, the real recorder captures its monitor, Hark's push-to-talk (voice
 * activity, end of turn, speculative transcription, default settings) sends
 * the audio to the fake speech-to-text (the question's text, after a delay
 * that grows with the upload's length, as a service's does; the uploads are
 * checked to hold the spoken question), the fake chat streams the reference answer, espeak-ng speaks it
 * into the same sink. A second capture of the monitor times both ends: the
 * question's last sound and the answer's first. The services' own times are
 * measured bare in the same run and subtracted.
 */

const RUNS = 3
const QUESTION = 'what is the capital of france'
const TRANSCRIPT = 'What is the capital of France?'
/** the fake STT's time: a round trip plus a share per second of audio */
const STT_MS = 150
const STT_MS_PER_AUDIO_SECOND = 100
const FIRST_SENTENCE = REFERENCE_ANSWER.split('. ')[0]! + '.'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function pipeline(fake: FakeLlm) {
  const settings = { ...defaultSettings(), systemPrompt: '' }
  const voice = new SpeechQueue({ engine: createEspeakEngine() })
  const marks: Partial<Pick<VoiceMarks, 'stop' | 'firstToken' | 'queued' | 'timings'>> = {}
  voice.onEnqueue(() => (marks.queued ??= performance.now()))
  const turns = new TurnController({
    settings: () => settings,
    provider: () => ({ baseUrl: fake.url, apiKey: 'bench', model: 'reference' }),
    history: new InMemoryHistory(),
    speech: voice,
    streamChat,
    createSegmenter,
    publish: (e) => e.type === 'delta' && (marks.firstToken ??= performance.now())
  })
  const ptt = new PushToTalk({
    // the chimes are off: on the one sink, the stop chime would be taken for the answer
    settings: () => ({ ...settings.voiceInput, chimes: false }),
    startCapture: (onChunk) => startRecorder({ recorder: chooseRecorder(settings.voiceInput.recorder) }, onChunk),
    transcribe: createTranscriber({ baseUrl: fake.url, apiKey: 'bench', model: 'whisper-1', language: 'en' }),
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
  ptt.onStatus((s) => s.state === 'transcribing' && (marks.stop ??= performance.now()))
  ptt.onTimings((t) => (marks.timings = t))
  return { ptt, turns, voice, marks }
}

type Pipeline = ReturnType<typeof pipeline>

async function until(ok: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!ok()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

/** Press, speak the question into the sink, wait for the answer's first sound there, then stop the answer. */
async function ask(p: Pipeline, question: string): Promise<VoiceMarks> {
  for (const key of Object.keys(p.marks)) delete p.marks[key as keyof typeof p.marks]
  const capture = await startCapture()
  try {
    p.ptt.toggle()
    await until(() => p.ptt.status.state === 'listening', 'listening')
    await sleep(500) // the recorder is delivering audio
    await speakIntoMic(question)
    await until(() => p.marks.stop !== undefined, 'the end of the turn')
    const stop = p.marks.stop!
    const sound = await capture.waitForSound(30_000, stop)
    const rec = capture.snapshot()
    const speechEnd = lastSoundBefore(rec, stop)
    const { firstToken, queued, timings } = p.marks
    if (speechEnd === null || !firstToken || !queued || !timings) throw new Error('a stage was not seen')
    return { speechEnd, stop, firstToken, queued, sound, timings }
  } finally {
    p.turns.stop()
    await until(() => p.ptt.status.state === 'idle', 'idle')
    await p.voice.idle()
    await capture.stop()
    await sleep(500)
  }
}

/** The bare chat stream: request → the text holds a whole first sentence and the start of the next. */
async function bareChat(fake: FakeLlm): Promise<{ firstToken: number; firstBoundary: number }> {
  const t = performance.now()
  const res = await fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'reference', stream: true, messages: [{ role: 'user', content: QUESTION }] })
  })
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let firstToken = NaN
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    for (const m of decoder.decode(value).matchAll(/"content":"((?:[^"\\]|\\.)*)"/g)) text += m[1]
    if (text && Number.isNaN(firstToken)) firstToken = performance.now() - t
    if (/[.!?]\s\S/.test(text)) break
  }
  const at = performance.now() - t
  await reader.cancel()
  return { firstToken, firstBoundary: at - firstToken }
}

export default async function run(): Promise<BenchTable> {
  const pulse = await ensurePulse()
  const fake = await startFakeLlm()
  try {
    const stt: FakeStt = installTranscriptions(fake, {
      text: TRANSCRIPT,
      delayMs: STT_MS,
      perSecondMs: STT_MS_PER_AUDIO_SECOND
    })
    installReferenceChat(fake)
    const question = renderSpeech(QUESTION)
    const wav = readFileSync(question.path)
    const p = pipeline(fake)
    await ask(p, question.path) // warm-up: module loading and the first connection
    const samples: VoiceMarks[] = []
    const bare = {
      stt: [] as number[],
      firstToken: [] as number[],
      firstBoundary: [] as number[],
      voice: [] as number[]
    }
    for (let i = 0; i < RUNS; i++) {
      samples.push(await ask(p, question.path))
      bare.stt.push(await bareTranscription(fake.url, wav))
      const chat = await bareChat(fake)
      bare.firstToken.push(chat.firstToken)
      bare.firstBoundary.push(chat.firstBoundary)
      bare.voice.push(await ownTimeToSound(createEspeakEngine(), FIRST_SENTENCE))
    }
    p.ptt.dispose()
    const uploads = stt.calls.map((c) => c.wav)
    if (!uploads.some((w) => w.durationMs > question.durationMs - 400 && w.rms > 0.02))
      throw new Error('the recorder never heard the whole question')
    return table(samples.map(voiceStages), bare, question.durationMs, stt.calls.length)
  } finally {
    await fake.close()
    await pulse.stop()
  }
}

function table(
  stages: VoiceStages[],
  bareRuns: Record<'stt' | 'firstToken' | 'firstBoundary' | 'voice', number[]>,
  questionMs: number,
  sttCalls: number
): BenchTable {
  const med = (f: (s: VoiceStages) => number): number => percentile(stages.map(f), 50)
  const bare = Object.fromEntries(Object.entries(bareRuns).map(([k, v]) => [k, percentile(v, 50)])) as Record<
    keyof typeof bareRuns,
    number
  >
  const services = bare.stt + bare.firstToken + bare.firstBoundary + bare.voice
  /** everything but the end-of-turn wait and the services' time still on the path after it */
  const harkShare = (s: VoiceStages): number =>
    s.total - s.endOfTurn - Math.min(s.stt, bare.stt) - bare.firstToken - bare.firstBoundary - bare.voice
  const eot = med((s) => s.endOfTurn)
  const share = med(harkShare)
  const total = med((s) => s.total)
  const row = (stage: string, f: (s: VoiceStages) => number, service: number | string, note = '') => ({
    stage,
    'median ms': med(f),
    'max ms': Math.max(...stages.map(f)),
    'service bare ms': service,
    note
  })
  return {
    title: `Voice to voice on the sink: end of the question's audio → first sound of the answer (festival asks "${QUESTION}", ${Math.round(questionMs)} ms; STT ${STT_MS} ms + ${STT_MS_PER_AUDIO_SECOND} ms per audio second; reference answer; espeak-ng; default settings; median of ${RUNS})`,
    rows: [
      row(
        'end-of-turn wait',
        (s) => s.endOfTurn,
        '',
        `target ≤ 500 ms for a complete question: ${eot <= 500 ? 'met' : 'MISSED'}`
      ),
      row('recorder drain', (s) => s.drain, ''),
      row('STT left after listening ends', (s) => s.stt, bare.stt, 'speculative: sent at the pause'),
      row('transcript → ask', (s) => s.ask, ''),
      row('ask → first token', (s) => s.firstToken, bare.firstToken),
      row('first token → first boundary queued', (s) => s.firstSentence, bare.firstBoundary),
      row('queued → first sound on the sink', (s) => s.firstSound, bare.voice, "espeak-ng's own speak() → sound"),
      row('total', (s) => s.total, services, `${(total / (eot + services)).toFixed(2)}x the wait plus the bare sum`),
      row("Hark's own share", harkShare, '', `target < 50 ms: ${share < 50 ? 'met' : 'MISSED'}`)
    ],
    notes: [
      `Bare sum of the services, same run: STT ${bare.stt.toFixed(0)} + first token ${bare.firstToken.toFixed(0)} + first boundary ${bare.firstBoundary.toFixed(0)} + voice ${bare.voice.toFixed(0)} = ${services.toFixed(0)} ms.`,
      "Hark's share = total − end-of-turn wait − STT left (at most its bare time) − the bare chat to its first boundary − the voice's own start. The end-of-turn wait is from the question's last sound on the sink to listening's end, so it includes the recorder's own latency.",
      `${sttCalls} transcription requests for ${RUNS + 1} questions (speculative guesses included). The chimes are off: on the one sink they would be heard as the answer.`
    ]
  }
}
