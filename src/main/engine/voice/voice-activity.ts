import { rms } from './level-meter'
import { bytesPerSecond, SPEECH_PCM, type PcmFormat } from './pcm-format'

/**
 * Energy-based voice activity detection on 20 ms frames. A frame is voiced when
 * it is well above both an absolute floor and the tracked background noise.
 * Speech starts after a run of voiced frames (so a click or a short chime does
 * not count) and ends after `silenceMs` without a voiced frame; the caller
 * may move that threshold while listening (see end-of-turn.ts).
 */

export interface VadOptions {
  /** trailing silence that ends speech */
  silenceMs: number
  /** give up when no speech has started after this long */
  noSpeechMs: number
  format?: PcmFormat
}

export type VadVerdict = 'speech-end' | 'no-speech' | null

const FRAME_MS = 20
/**
 * 140 ms of voice before it counts as speech: Hark's own 100 ms chime, heard
 * by the microphone as listening starts, touches 6 frames when it straddles
 * their edges, so the onset must be longer than that.
 */
const ONSET_FRAMES = 7
/** a gap in the voice this short (between words) keeps a burst going, so the onset dates from its start */
const BRIDGE_MS = 200
const MIN_VOICE_RMS = 0.012 // about -38 dBFS
const NOISE_FACTOR = 3.5
/** the quietest of the first frames is taken as the room's noise */
const CALIBRATION_FRAMES = 10
/** a room louder than this is more likely someone already talking */
const MAX_CALIBRATED_NOISE = 0.02
const NOISE_RISE = 1.01 // below the threshold the floor follows a noisier room quickly…
const NOISE_CREEP = 1.002 // …and creeps up even through "voice", so a steady new noise is learnt too

export class VoiceActivityDetector {
  private readonly frameBytes: number
  private readonly bytesPerMs: number
  private rest = Buffer.alloc(0)
  private noise = MIN_VOICE_RMS / NOISE_FACTOR
  private run = 0
  /** where the current burst of voice began: gaps under BRIDGE_MS do not end one */
  private burstStartMs = 0
  private burstVoicedMs = 0
  private readonly calibration: number[] = []
  private audioMs = 0
  private lastVoicedMs = 0
  private verdict: VadVerdict = null
  private silenceMs: number
  /** audio time (ms from the start) when speech started, null before */
  speechStartMs: number | null = null
  /** ms of voiced frames since speech started */
  voicedMs = 0
  /** RMS of the latest frame, 0..1 */
  level = 0

  constructor(private readonly opts: VadOptions) {
    const f = opts.format ?? SPEECH_PCM
    this.bytesPerMs = bytesPerSecond(f) / 1000
    this.frameBytes = Math.round(this.bytesPerMs * FRAME_MS)
    this.silenceMs = opts.silenceMs
  }

  get heardSpeech(): boolean {
    return this.speechStartMs !== null
  }

  /** audio time (ms) of the last voiced frame: where the speaker stopped */
  get speechEndMs(): number {
    return this.lastVoicedMs
  }

  /** ms of audio since the last voiced frame, once speech has started (0 before) */
  get trailingSilenceMs(): number {
    return this.speechStartMs === null ? 0 : this.audioMs - this.lastVoicedMs
  }

  /** Moves the trailing silence that ends speech; returns the verdict it leads to at once. */
  setSilenceMs(ms: number): VadVerdict {
    this.silenceMs = ms
    if (!this.verdict) this.decide()
    return this.verdict
  }

  /** Feeds raw PCM; returns a verdict once (and keeps returning it after). */
  feed(chunk: Buffer): VadVerdict {
    const data = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk
    let at = 0
    for (; at + this.frameBytes <= data.length && !this.verdict; at += this.frameBytes) {
      this.frame(rms(data, at, at + this.frameBytes))
    }
    this.rest = Buffer.from(data.subarray(at))
    return this.verdict
  }

  private frame(level: number): void {
    this.level = level
    this.audioMs += FRAME_MS
    if (this.calibration.length < CALIBRATION_FRAMES) {
      // Judge the first frames only once the room is known, then replay them.
      this.calibration.push(level)
      if (this.calibration.length < CALIBRATION_FRAMES) return
      this.noise = Math.max(this.noise, Math.min(Math.min(...this.calibration), MAX_CALIBRATED_NOISE))
      this.calibration.forEach((l, i) => this.classify(l, this.audioMs - (CALIBRATION_FRAMES - 1 - i) * FRAME_MS))
    } else {
      this.classify(level, this.audioMs)
    }
    this.decide()
  }

  private classify(level: number, at: number): void {
    if (level > Math.max(MIN_VOICE_RMS, this.noise * NOISE_FACTOR)) {
      this.noise *= NOISE_CREEP
      this.onVoiced(at)
    } else {
      this.run = 0
      this.noise = level < this.noise ? Math.max(level, this.noise * 0.95) : Math.min(level, this.noise * NOISE_RISE)
    }
  }

  private onVoiced(at: number): void {
    if (this.burstVoicedMs === 0 || at - this.lastVoicedMs > BRIDGE_MS + FRAME_MS) {
      this.burstStartMs = at - FRAME_MS
      this.burstVoicedMs = 0
    }
    this.burstVoicedMs += FRAME_MS
    this.run++
    this.lastVoicedMs = at
    if (this.speechStartMs !== null) this.voicedMs += FRAME_MS
    else if (this.run >= ONSET_FRAMES) {
      // a short first word ("what is…") ran out before the onset: it is part of the speech
      this.speechStartMs = this.burstStartMs
      this.voicedMs = this.burstVoicedMs
    }
  }

  private decide(): void {
    if (this.speechStartMs === null) {
      if (this.audioMs >= this.opts.noSpeechMs) this.verdict = 'no-speech'
    } else if (this.trailingSilenceMs >= this.silenceMs) {
      this.verdict = 'speech-end'
    }
  }
}
