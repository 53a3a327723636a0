import type { Capture } from './microphone'
import type { EndOfTurnPolicy } from '../../../shared/settings'
import { endOfTurnSilenceMs, PAUSE_MS } from './end-of-turn'
import { displayLevel } from './level-meter'
import { MicrophoneError } from './microphone-error'
import { SPEECH_PCM, bytesPerSecond } from './pcm-format'
import { SpeculativeTranscript } from './speculative-transcript'
import type { Transcribe } from './transcriber'
import { VoiceActivityDetector } from './voice-activity'
import type { ListenEndReason } from './voice-timings'
import { encodeWav } from './wav'

/**
 * One stretch of listening: collects the microphone's PCM, runs voice activity
 * detection, enforces the time cap and reports the live level. It decides when
 * listening should end; the caller decides what happens next. With the smart
 * end-of-turn policy it transcribes at pauses (speculative-transcript.ts says
 * which), so the transcript is ready when the turn ends, and lets that
 * transcript move the silence that ends it.
 */

export interface ListeningOptions {
  silenceMs: number
  maxSeconds: number
  endOfTurn: EndOfTurnPolicy
  /** how long to wait for the first word before giving up (default: twice the silence, at least 5 s) */
  noSpeechMs?: number
  /** speech-to-text for the guesses taken at pauses (smart policy only) */
  transcribe?: Transcribe
  /** the speaker paused: a good moment to warm connections */
  onPause?: () => void
  /** starts the recorder; may throw a MicrophoneError */
  startCapture: (onChunk: (pcm: Buffer) => void) => Capture
  onLevel: (level: number) => void
  onEnd: (reason: ListenEndReason) => void
  onFail: (err: MicrophoneError) => void
}

export interface Heard {
  heardSpeech: boolean
  /** ms of voiced audio */
  voicedMs: number
}

export interface Recording extends Heard {
  pcm: Buffer
}

const LEVEL_EVERY_MS = 66
/** speech shorter than this is a cough or a click, not a question */
export const MIN_SPEECH_MS = 250
const PAD_MS = 300
const PER_MS = bytesPerSecond(SPEECH_PCM) / 1000

export class ListeningSession {
  private readonly chunks: Buffer[] = []
  private bytes = 0
  private readonly vad: VoiceActivityDetector
  private readonly capture: Capture
  private readonly cap: NodeJS.Timeout
  private readonly speculation: SpeculativeTranscript | null
  private lastLevelAt = 0
  private ended = false
  private paused = false
  /** trailing silence when listening ended on it */
  silenceWaitMs = 0

  constructor(private readonly opts: ListeningOptions) {
    const noSpeechMs = Math.min(opts.maxSeconds * 1000, opts.noSpeechMs ?? Math.max(5000, opts.silenceMs * 2))
    this.vad = new VoiceActivityDetector({ silenceMs: opts.silenceMs, noSpeechMs })
    this.speculation =
      opts.endOfTurn === 'smart' && opts.transcribe
        ? new SpeculativeTranscript(opts.transcribe, (text) => this.onGuess(text))
        : null
    this.capture = opts.startCapture((pcm) => this.onChunk(pcm))
    this.cap = setTimeout(() => this.end('max'), opts.maxSeconds * 1000)
    this.capture.ended.catch((err: unknown) => {
      if (this.ended) return
      this.ended = true
      clearTimeout(this.cap)
      opts.onFail(err instanceof MicrophoneError ? err : new MicrophoneError('failed', String(err)))
    })
  }

  /** ends listening now (key press or barge-in) */
  end(reason: ListenEndReason): void {
    if (this.ended) return
    this.ended = true
    clearTimeout(this.cap)
    if (reason === 'silence') this.silenceWaitMs = this.vad.trailingSilenceMs
    this.capture.stop()
    this.opts.onEnd(reason)
  }

  /** ends listening and drops the guess in flight: nobody will use it */
  cancel(): void {
    this.end('key')
    this.speculation?.discard()
  }

  /** what has been heard so far; after a silence end, the audio still draining changes nothing that matters */
  heard(): Heard {
    return { heardSpeech: this.vad.heardSpeech, voicedMs: this.vad.voicedMs }
  }

  /** the guess taken at the pause where speech last ended, or null when the recording has changed since */
  speculativeTranscript(): Promise<string | null> | null {
    return this.speculation?.for(this.vad.speechEndMs) ?? null
  }

  /** the recorder has exited and every byte is in; the PCM trimmed to the speech */
  async recording(): Promise<Recording> {
    await this.capture.ended.catch(() => {})
    return { pcm: this.trimmed(), ...this.heard() }
  }

  private onChunk(pcm: Buffer): void {
    this.chunks.push(pcm)
    this.bytes += pcm.length
    // Audio drained after a key press still counts towards where speech ended.
    const verdict = this.vad.feed(pcm)
    if (this.ended) return
    const now = performance.now()
    if (now - this.lastLevelAt >= LEVEL_EVERY_MS) {
      this.lastLevelAt = now
      this.opts.onLevel(displayLevel(this.vad.level))
    }
    if (verdict === 'speech-end') this.end('silence')
    else if (verdict === 'no-speech') this.end('no-speech')
    else this.followPauses()
  }

  /** At a pause, guess the transcript; when the speaker carries on, drop the guess and the wait it set. */
  private followPauses(): void {
    if (!this.vad.heardSpeech) return
    if (this.vad.trailingSilenceMs < PAUSE_MS) {
      if (this.paused) this.resume()
      return
    }
    if (this.paused) return
    this.paused = true
    this.opts.onPause?.()
    // a cough is not worth a request: the turn would not send it either
    if (this.vad.voicedMs < MIN_SPEECH_MS || !this.speculation) return
    const { from, to } = this.speechRange()
    const take = { speechEndMs: this.vad.speechEndMs, voicedMs: this.vad.voicedMs, audioMs: (to - from) / PER_MS }
    this.speculation.start(take, () => encodeWav(this.trimmed()))
  }

  private resume(): void {
    this.paused = false
    this.speculation?.discard()
    this.vad.setSilenceMs(this.opts.silenceMs)
  }

  /** the transcript so far: it sets how long this pause must last to end the turn */
  private onGuess(text: string): void {
    if (this.ended || !this.paused) return
    const wait = endOfTurnSilenceMs(this.opts.endOfTurn, this.opts.silenceMs, text)
    if (this.vad.setSilenceMs(wait) === 'speech-end') this.end('silence')
  }

  /** Leading and trailing silence only cost upload and STT time. */
  private trimmed(): Buffer {
    const { from, to } = this.speechRange()
    return Buffer.concat(this.chunks).subarray(from, to)
  }

  /** the bytes of the speech, padded, within the recording */
  private speechRange(): { from: number; to: number } {
    const start = this.vad.speechStartMs
    if (start === null) return { from: 0, to: this.bytes }
    const from = Math.max(0, Math.floor((start - PAD_MS) * PER_MS))
    const to = Math.min(this.bytes, Math.ceil((this.vad.speechEndMs + PAD_MS) * PER_MS))
    return { from: from - (from % 2), to: to - (to % 2) }
  }
}
