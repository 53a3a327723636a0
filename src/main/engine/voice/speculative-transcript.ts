import type { Transcribe } from './transcriber'

/**
 * A transcription of the audio heard so far, started at a pause in case the
 * turn ends there. At most one is in flight: when the speaker carries on, the
 * guess is stale and its request is aborted. Each guess is keyed by where the
 * speech it covers ended (audio time), so the turn can tell whether the
 * recording has changed since.
 */

interface Guess {
  speechEndMs: number
  abort: AbortController
  /** the transcript, or null when the request failed or was aborted */
  text: Promise<string | null>
}

export class SpeculativeTranscript {
  private guess: Guess | null = null

  constructor(
    private readonly transcribe: Transcribe,
    /** a guess came back while still current */
    private readonly onText: (text: string) => void
  ) {}

  /** Transcribes the speech that ended at `speechEndMs`, unless that is already under way. */
  start(speechEndMs: number, wav: Buffer): void {
    if (this.guess?.speechEndMs === speechEndMs) return
    this.discard()
    const abort = new AbortController()
    const guess: Guess = {
      speechEndMs,
      abort,
      text: this.transcribe(wav, abort.signal).then(
        (text) => text.trim(),
        () => null
      )
    }
    this.guess = guess
    void guess.text.then((text) => {
      if (text !== null && this.guess === guess) this.onText(text)
    })
  }

  /** The speaker carried on: the guess in flight no longer covers the turn. */
  discard(): void {
    this.guess?.abort.abort()
    this.guess = null
  }

  /** The guess for speech that ended at `speechEndMs`, or null when there is none for that audio. */
  for(speechEndMs: number): Promise<string | null> | null {
    return this.guess?.speechEndMs === speechEndMs ? this.guess.text : null
  }
}
