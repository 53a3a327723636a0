import type { Transcribe } from './transcriber'

/**
 * A transcription of the audio heard so far, started at a pause in case the
 * turn ends there. At most one is in flight: when the speaker carries on, the
 * guess is stale and its request is aborted. Each guess is keyed by where the
 * speech it covers ended (audio time), so the turn can tell whether the
 * recording has changed since.
 *
 * Every guess uploads the whole recording so far, so guessing at every pause
 * of a long turn would bill audio that grows with the square of its length.
 * A guess is sent only when it holds new words, while the turn's guesses stay
 * within a budget that grows with the recording, and up to a fixed number per
 * turn (a rate-limited service must still take the final transcription).
 */

/** What a guess would cover, in audio time. */
export interface Take {
  /** where the speech it covers ended */
  speechEndMs: number
  /** voiced audio in it */
  voicedMs: number
  /** length of the upload */
  audioMs: number
}

interface Guess {
  speechEndMs: number
  abort: AbortController
  /** the transcript, or null when the request failed or was aborted */
  text: Promise<string | null>
}

/** less new voice than this since the last guess is a click or a breath, not words */
const MIN_NEW_VOICE_MS = 100
/** guesses may upload this many times the recording, plus FREE_MS… */
const BUDGET = 2
/** …so that a question asked in a few breaths is guessed at every pause */
const FREE_MS = 10_000
const MAX_GUESSES = 8

export class SpeculativeTranscript {
  private guess: Guess | null = null
  private sentMs = 0
  private sent = 0
  private voicedMs = 0

  constructor(
    private readonly transcribe: Transcribe,
    /** a guess came back while still current */
    private readonly onText: (text: string) => void
  ) {}

  /** Transcribes the speech up to `take` when it is worth a request; `wav` encodes it. */
  start(take: Take, wav: () => Buffer): void {
    if (!this.worthSending(take)) return
    this.discard()
    this.sent++
    this.sentMs += take.audioMs
    this.voicedMs = take.voicedMs
    const abort = new AbortController()
    const guess: Guess = {
      speechEndMs: take.speechEndMs,
      abort,
      text: this.transcribe(wav(), abort.signal).then(
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

  private worthSending(take: Take): boolean {
    return (
      take.voicedMs - this.voicedMs >= MIN_NEW_VOICE_MS &&
      this.sent < MAX_GUESSES &&
      this.sentMs + take.audioMs <= BUDGET * take.audioMs + FREE_MS
    )
  }
}
