/**
 * Where the time went in one spoken question, from the moment listening ended
 * (key press, trailing silence or the time cap) to the first word of the
 * answer. All in ms; null when the stage did not happen.
 */
export interface VoiceTimings {
  /** how listening ended */
  reason: ListenEndReason
  /** trailing silence the detector waited for (0 when the key ended it) */
  silenceWaitMs: number
  /** the transcript was the guess taken at the last pause, so STT had started before listening ended */
  speculative: boolean
  /** stop → recorder exited and all audio is in */
  captureDrainMs: number
  /** audio → WAV bytes */
  encodeMs: number
  /** WAV → transcript (network plus the STT service; with a guess, only what was left of its request) */
  sttMs: number
  /** transcript → question handed to the turn */
  askMs: number
  /** question → first utterance starts speaking (LLM plus segmenter plus TTS start) */
  firstSpokenMs: number | null
  /** stop → first utterance speaking */
  totalMs: number | null
}

export type ListenEndReason = 'key' | 'silence' | 'no-speech' | 'max'

export class VoiceClock {
  readonly marks: Partial<Record<'stop' | 'drained' | 'encoded' | 'transcribed' | 'asked' | 'spoken', number>> = {}

  speculative = false

  constructor(private readonly now: () => number) {}

  mark(name: keyof VoiceClock['marks']): void {
    this.marks[name] = this.now()
  }

  timings(reason: ListenEndReason, silenceWaitMs: number): VoiceTimings {
    const m = this.marks
    const span = (a: number | undefined, b: number | undefined): number =>
      a !== undefined && b !== undefined ? b - a : 0
    return {
      reason,
      silenceWaitMs,
      speculative: this.speculative,
      captureDrainMs: span(m.stop, m.drained),
      encodeMs: span(m.drained, m.encoded),
      sttMs: span(m.encoded, m.transcribed),
      askMs: span(m.transcribed, m.asked),
      firstSpokenMs: m.spoken !== undefined ? span(m.asked, m.spoken) : null,
      totalMs: m.spoken !== undefined ? span(m.stop, m.spoken) : null
    }
  }
}
