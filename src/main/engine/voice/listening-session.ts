import type { Capture } from './microphone'
import { displayLevel } from './level-meter'
import { MicrophoneError } from './microphone-error'
import { SPEECH_PCM, bytesPerSecond } from './pcm-format'
import { VoiceActivityDetector } from './voice-activity'
import type { ListenEndReason } from './voice-timings'

/**
 * One stretch of listening: collects the microphone's PCM, runs voice activity
 * detection, enforces the time cap and reports the live level. It decides when
 * listening should end; the caller decides what happens next.
 */

export interface ListeningOptions {
  silenceMs: number
  maxSeconds: number
  /** starts the recorder; may throw a MicrophoneError */
  startCapture: (onChunk: (pcm: Buffer) => void) => Capture
  onLevel: (level: number) => void
  onEnd: (reason: ListenEndReason) => void
  onFail: (err: MicrophoneError) => void
}

export interface Recording {
  pcm: Buffer
  heardSpeech: boolean
  /** ms of voiced audio */
  voicedMs: number
}

const LEVEL_EVERY_MS = 66
/** speech shorter than this is a cough or a click, not a question */
export const MIN_SPEECH_MS = 250
const PAD_MS = 300

export class ListeningSession {
  private readonly chunks: Buffer[] = []
  private readonly vad: VoiceActivityDetector
  private readonly capture: Capture
  private readonly cap: NodeJS.Timeout
  private lastLevelAt = 0
  private ended = false

  constructor(private readonly opts: ListeningOptions) {
    const noSpeechMs = Math.min(opts.maxSeconds * 1000, Math.max(5000, opts.silenceMs * 2))
    this.vad = new VoiceActivityDetector({ silenceMs: opts.silenceMs, noSpeechMs })
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
    this.capture.stop()
    this.opts.onEnd(reason)
  }

  /** the recorder has exited and every byte is in; the PCM trimmed to the speech */
  async recording(): Promise<Recording> {
    await this.capture.ended.catch(() => {})
    return { pcm: this.trimmed(), heardSpeech: this.vad.heardSpeech, voicedMs: this.vad.voicedMs }
  }

  private onChunk(pcm: Buffer): void {
    this.chunks.push(pcm)
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
  }

  /** Leading and trailing silence only cost upload and STT time. */
  private trimmed(): Buffer {
    const all = Buffer.concat(this.chunks)
    const start = this.vad.speechStartMs
    if (start === null) return all
    const perMs = bytesPerSecond(SPEECH_PCM) / 1000
    const from = Math.max(0, Math.floor((start - PAD_MS) * perMs))
    const to = Math.min(all.length, Math.ceil((this.vad.speechEndMs + PAD_MS) * perMs))
    return all.subarray(from - (from % 2), to - (to % 2))
  }
}
