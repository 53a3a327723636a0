import type { Settings } from '../../../shared/settings'
import type { VoiceState, VoiceStatus, VoiceTranscript } from '../../../shared/voice-state'
import type { SpeechEvent } from '../speech/speech-types'
import type { Capture } from './microphone'
import { MicrophoneError } from './microphone-error'
import { ListeningSession, MIN_SPEECH_MS } from './listening-session'
import { TranscriptionError, type Transcribe } from './transcriber'
import { TurnWatch, type VoiceTurnOutcome } from './turn-watch'
import { VoiceClock, type ListenEndReason, type VoiceTimings } from './voice-timings'
import { encodeWav } from './wav'
import { Listeners } from '../listeners'

/**
 * Push-to-talk as a state machine: idle → listening → transcribing → thinking
 * → speaking → idle. The hotkey toggles: it ends listening, and from any other
 * state it is barge-in (silence the voice, abort the stream, listen again).
 * Every async step carries a session number, so a result that arrives after
 * the user moved on is dropped instead of acted upon.
 */

export interface VoiceTurn {
  turnId: string
  conversationId: string
  /** settles when the answer has finished streaming (or failed, or was stopped) */
  done: Promise<VoiceTurnOutcome>
}

export interface PushToTalkDeps {
  settings: () => VoiceOptions
  startCapture: (onChunk: (pcm: Buffer) => void) => Capture
  transcribe: Transcribe
  ask: (prompt: string) => VoiceTurn
  /** stop any running turn and its voice: barge-in */
  interrupt: () => void
  onSpeech: (listener: (e: SpeechEvent) => void) => () => void
  /** resolves once the voice has nothing of `turnId` left to say (the speech queue's `idle`) */
  voiceIdle: (turnId: string) => Promise<void>
  chime?: (which: 'start' | 'stop') => void
  notify: (level: 'info' | 'warning' | 'error', message: string) => void
  now?: () => number
  /** open the connections the question will need (hotkey pressed, speaker paused) */
  warm?: () => void
}

export type VoiceOptions = Pick<Settings['voiceInput'], 'silenceMs' | 'maxSeconds' | 'chimes' | 'endOfTurn'> & {
  /** wait this long for a first word (Talk mode's "no speech for a set time") */
  noSpeechMs?: number
}

type Listener<T> = (value: T) => void

export class PushToTalk {
  private current: VoiceStatus = { state: 'idle', level: 0 }
  private session = 0
  private listening: ListeningSession | null = null
  private transcription: AbortController | null = null
  private watch: TurnWatch | null = null
  private readonly statusListeners = new Listeners<VoiceStatus>()
  private readonly transcriptListeners = new Listeners<VoiceTranscript>()
  private readonly timingListeners = new Listeners<VoiceTimings>()
  private readonly offSpeech: () => void
  private readonly now: () => number

  constructor(private readonly deps: PushToTalkDeps) {
    this.now = deps.now ?? (() => performance.now())
    this.offSpeech = deps.onSpeech((e) => this.watch?.onSpeech(e))
  }

  get status(): VoiceStatus {
    return this.current
  }

  onStatus(l: Listener<VoiceStatus>): () => void {
    return this.statusListeners.add(l)
  }
  onTranscript(l: Listener<VoiceTranscript>): () => void {
    return this.transcriptListeners.add(l)
  }
  onTimings(l: Listener<VoiceTimings>): () => void {
    return this.timingListeners.add(l)
  }

  /** The hotkey: ends listening, or (barge-in) starts it from any other state. */
  toggle(): void {
    if (this.current.state === 'listening') this.listening?.end('key')
    else this.startListening()
  }

  /** Back to idle, dropping whatever was in progress (Escape, quit). */
  cancel(): void {
    this.session++
    this.reset()
    this.deps.interrupt()
    this.set('idle')
  }

  dispose(): void {
    this.cancel()
    this.offSpeech()
  }

  private startListening(): void {
    const session = ++this.session
    this.reset()
    this.deps.interrupt()
    this.deps.warm?.()
    const s = this.deps.settings()
    try {
      this.listening = new ListeningSession({
        silenceMs: s.silenceMs,
        maxSeconds: s.maxSeconds,
        endOfTurn: s.endOfTurn,
        ...(s.noSpeechMs !== undefined ? { noSpeechMs: s.noSpeechMs } : {}),
        transcribe: this.deps.transcribe,
        onPause: this.deps.warm,
        startCapture: this.deps.startCapture,
        onLevel: (level) => this.isCurrent(session, 'listening') && this.set('listening', undefined, level),
        onEnd: (reason) =>
          void this.afterListening(session, reason).catch((err: unknown) => {
            if (this.isCurrent(session))
              this.fail(`Voice input failed: ${err instanceof Error ? err.message : String(err)}`)
          }),
        onFail: (err) => this.isCurrent(session) && this.fail(err.message)
      })
    } catch (err) {
      this.fail(err instanceof MicrophoneError ? err.message : `Could not start recording: ${String(err)}`)
      return
    }
    if (s.chimes) this.deps.chime?.('start')
    this.set('listening')
  }

  private async afterListening(session: number, reason: ListenEndReason): Promise<void> {
    const clock = new VoiceClock(this.now)
    clock.mark('stop')
    const listening = this.listening
    if (!listening || !this.isCurrent(session)) return
    const s = this.deps.settings()
    if (s.chimes) this.deps.chime?.('stop')
    this.set('transcribing')
    // After a silence end the recorder drains only silence: a guess of the speech need not wait for it.
    const guess = reason === 'silence' ? listening.speculativeTranscript() : null
    const rec = guess ? listening.heard() : await listening.recording()
    clock.mark('drained')
    if (!this.isCurrent(session)) return
    if (!rec.heardSpeech || rec.voicedMs < MIN_SPEECH_MS) {
      const why = reason === 'no-speech' ? 'Heard nothing, so listening stopped.' : 'That was too short to understand.'
      this.deps.notify('info', `${why} Press the hotkey and speak again.`)
      this.set('idle', why)
      return
    }
    const text = await this.transcribe(session, listening, guess ?? listening.speculativeTranscript(), clock)
    clock.mark('transcribed')
    if (text === null || !this.isCurrent(session)) return
    if (!text) {
      this.deps.notify('info', 'Could not make out any words. Press the hotkey and try again.')
      this.set('idle', 'No words recognised.')
      return
    }
    this.answer(session, text, clock, reason, listening.silenceWaitMs)
  }

  /**
   * The transcript, or null when it failed or was abandoned: the guess taken
   * at the last pause when the recording has not changed since (and it came
   * back), else a request for the whole recording.
   */
  private async transcribe(
    session: number,
    listening: ListeningSession,
    guess: Promise<string | null> | null,
    clock: VoiceClock
  ): Promise<string | null> {
    if (guess) clock.mark('encoded')
    const guessed = guess ? await guess : null
    clock.speculative = guessed !== null
    if (guessed !== null || !this.isCurrent(session)) return guessed
    const wav = encodeWav((await listening.recording()).pcm)
    clock.mark('encoded')
    const ac = new AbortController()
    this.transcription = ac
    try {
      return (await this.deps.transcribe(wav, ac.signal)).trim()
    } catch (err) {
      if (!this.isCurrent(session) || (err instanceof TranscriptionError && err.kind === 'aborted')) return null
      this.fail(err instanceof Error ? err.message : String(err))
      return null
    } finally {
      if (this.transcription === ac) this.transcription = null
    }
  }

  private answer(
    session: number,
    text: string,
    clock: VoiceClock,
    reason: ListenEndReason,
    silenceWaitMs: number
  ): void {
    let turn: VoiceTurn
    try {
      turn = this.deps.ask(text)
    } catch (err) {
      this.fail(`Could not ask: ${err instanceof Error ? err.message : String(err)}`)
      return
    }
    clock.mark('asked')
    this.transcriptListeners.emit({ text, turnId: turn.turnId, conversationId: turn.conversationId })
    this.set('thinking')
    let reported = false
    const report = (): void => {
      if (reported) return
      reported = true
      if (this.watch?.firstSpokenAt != null) clock.marks.spoken = this.watch.firstSpokenAt
      const t = clock.timings(reason, silenceWaitMs)
      this.timingListeners.emit(t)
    }
    this.watch = new TurnWatch(
      turn.turnId,
      turn.done,
      this.deps.voiceIdle,
      {
        onSpeaking: () => {
          if (!this.isCurrent(session)) return
          report()
          this.set('speaking')
        },
        onOver: (failed) => {
          report()
          if (!this.isCurrent(session)) return
          if (failed) this.fail(failed)
          else this.set('idle')
        }
      },
      this.now
    )
  }

  private fail(message: string): void {
    this.session++
    this.reset()
    this.deps.notify('error', message)
    this.set('idle', message)
  }

  /** stops listening, transcription and turn-following, without touching state */
  private reset(): void {
    const listening = this.listening
    this.listening = null
    listening?.cancel()
    this.transcription?.abort()
    this.transcription = null
    this.watch?.dispose()
    this.watch = null
  }

  private isCurrent(session: number, state?: VoiceState): boolean {
    return session === this.session && (!state || this.current.state === state)
  }

  private set(state: VoiceState, message?: string, level = 0): void {
    this.current = message ? { state, level, message } : { state, level }
    this.statusListeners.emit(this.current)
  }
}
