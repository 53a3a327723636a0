import type { Capture } from '../../../../src/main/engine/voice/microphone'
import type { MicrophoneError } from '../../../../src/main/engine/voice/microphone-error'
import type { PushToTalkDeps, VoiceOptions, VoiceTurn } from '../../../../src/main/engine/voice/push-to-talk'
import { TranscriptionError } from '../../../../src/main/engine/voice/transcriber'
import type { SpeechEvent, SpeechItem } from '../../../../src/main/engine/speech/speech-types'
import type { VoiceTurnOutcome } from '../../../../src/main/engine/voice/turn-watch'

/** A microphone the test speaks into. */
export class FakeCapture implements Capture {
  stopped = false
  private settle!: { resolve: () => void; reject: (e: MicrophoneError) => void }
  readonly ended = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }))

  constructor(private readonly onChunk: (pcm: Buffer) => void) {
    this.ended.catch(() => {})
  }

  push(...pcm: Buffer[]): void {
    for (const p of pcm) this.onChunk(p)
  }

  stop(): void {
    this.stopped = true
    setTimeout(() => this.settle.resolve(), 1)
  }

  fail(err: MicrophoneError): void {
    this.settle.reject(err)
  }
}

export interface Harness {
  deps: PushToTalkDeps
  captures: FakeCapture[]
  transcribed: Array<{ wav: Buffer; signal: AbortSignal }>
  /** `finish` ends the answer's stream, with a failure when given one */
  asked: Array<{ prompt: string; turn: VoiceTurn; finish: (outcome?: VoiceTurnOutcome) => void }>
  interrupts: number
  chimes: string[]
  notices: Array<{ level: string; message: string }>
  speak: (e: SpeechEvent) => void
  /** hands an utterance to the (fake) voice, as the turn does before it sounds */
  queue: (item: Pick<SpeechItem, 'turnId' | 'index'>) => void
  options: VoiceOptions
  transcript: { text: string | Error; delayMs: number }
  startError: Error | null
}

export function voiceHarness(options: Partial<VoiceOptions> = {}): Harness {
  const speechListeners = new Set<(e: SpeechEvent) => void>()
  // the fake voice's pending utterances per turn, and who waits for a turn's voice to be done
  const pending = new Map<string, Set<number>>()
  const idleWaiters: Array<{ turnId: string; wake: () => void }> = []
  const pendingOf = (turnId: string): Set<number> => pending.get(turnId) ?? pending.set(turnId, new Set()).get(turnId)!
  const wakeIdle = (): void => {
    for (const w of idleWaiters.splice(0)) {
      if (pendingOf(w.turnId).size === 0) w.wake()
      else idleWaiters.push(w)
    }
  }
  const h: Harness = {
    captures: [],
    transcribed: [],
    asked: [],
    interrupts: 0,
    chimes: [],
    notices: [],
    options: { silenceMs: 500, maxSeconds: 10, chimes: true, endOfTurn: 'smart', ...options },
    transcript: { text: 'what is the capital of france', delayMs: 5 },
    startError: null,
    speak: (e) => {
      if (e.state === 'started') pendingOf(e.turnId).add(e.index)
      else pendingOf(e.turnId).delete(e.index)
      speechListeners.forEach((l) => l(e))
      wakeIdle()
    },
    queue: (item) => void pendingOf(item.turnId).add(item.index),
    deps: undefined as unknown as PushToTalkDeps
  }
  h.deps = {
    settings: () => h.options,
    startCapture: (onChunk) => {
      if (h.startError) throw h.startError
      const c = new FakeCapture(onChunk)
      h.captures.push(c)
      return c
    },
    transcribe: (wav, signal) => {
      h.transcribed.push({ wav, signal })
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          const { text } = h.transcript
          if (text instanceof Error) reject(text)
          else resolve(text)
        }, h.transcript.delayMs)
        signal.addEventListener('abort', () => {
          clearTimeout(t)
          reject(new TranscriptionError('aborted', 'Transcription cancelled.'))
        })
      })
    },
    ask: (prompt) => {
      let finish!: (outcome?: VoiceTurnOutcome) => void
      const done = new Promise<VoiceTurnOutcome>((r) => (finish = (outcome = {}) => r(outcome)))
      const turn = { turnId: `t${h.asked.length + 1}`, conversationId: 'c1', done }
      h.asked.push({ prompt, turn, finish })
      return turn
    },
    interrupt: () => {
      h.interrupts++
    },
    onSpeech: (l) => {
      speechListeners.add(l)
      return () => speechListeners.delete(l)
    },
    voiceIdle: (turnId) =>
      new Promise((wake) => {
        idleWaiters.push({ turnId, wake })
        wakeIdle()
      }),
    chime: (which) => h.chimes.push(which),
    notify: (level, message) => h.notices.push({ level, message })
  }
  return h
}
