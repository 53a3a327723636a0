import type { SpeechState } from '../../../shared/turn-events'

export interface VoiceOptions {
  voice?: string
  /** 1 is normal speed */
  rate?: number
}

export interface SpeakOptions extends VoiceOptions {
  signal: AbortSignal
  /** called once, when sound starts: the player has its first audio (or a self-playing voice says its audio began) */
  onSound?: () => void
}

/**
 * An utterance synthesised ahead of time, so it can start the moment the one
 * before it ends. `play` may be called once; `cancel` discards it (and kills
 * the synthesiser if it is still running). Both are safe to call in any order.
 */
export interface PreparedSpeech {
  /** settles (never rejects) once synthesis is over, so the next can start without competing for the CPU */
  readonly ready: Promise<void>
  /** `onSound` as in SpeakOptions */
  play(signal: AbortSignal, onSound?: () => void): Promise<void>
  cancel(): void
}

/**
 * A text-to-speech backend. `speak` resolves when the audio has finished playing
 * and rejects with a TtsError; aborting the signal must silence it at once and
 * kill exactly the processes it started.
 */
export interface TtsEngine {
  readonly name: string
  /** null when usable, else a human reason (e.g. which package to install) */
  check(): Promise<string | null>
  speak(text: string, opts: SpeakOptions): Promise<void>
  /** present when the engine can synthesise ahead; must never throw or reject unobserved */
  prepare?(text: string, opts: VoiceOptions): PreparedSpeech
  voices?(): Promise<string[]>
  /** start whatever makes the first sound sooner (a synthesiser waiting for text); cheap to call often */
  warm?(opts: VoiceOptions): void
  /**
   * let go of every process kept waiting (warm) for speech not yet asked for;
   * what is sounding is not touched, and the next warm() or utterance starts
   * them again. Present on engines that keep processes warm; never throws.
   */
  release?(): void
}

export class TtsError extends Error {
  constructor(
    message: string,
    readonly code: 'missing' | 'failed' | 'aborted'
  ) {
    super(message)
    this.name = 'TtsError'
  }
}

export interface SpeechEvent {
  turnId: string
  index: number
  state: SpeechState
}

export interface SpeechItem {
  turnId: string
  index: number
  text: string
}

/** The queue the turn talks to. Strictly ordered; one voice at a time. */
export interface SpeechSink {
  enqueue(item: SpeechItem): void
  /** drop queued items and silence the voice; without turnId, everything */
  stop(turnId?: string): void
  onEvent(listener: (e: SpeechEvent) => void): () => void
  /** resolves once nothing of `turnId` (without: of any turn) is queued or sounding */
  idle(turnId?: string): Promise<void>
  onError(listener: (message: string) => void): () => void
  /**
   * Told of every item handed to `enqueue`, before its own events: with
   * `onEvent` a follower can tell "nothing sounds yet" from "nothing will".
   */
  onEnqueue?(listener: (item: SpeechItem) => void): () => void
  /**
   * a question is coming (a turn has begun, or the user is typing or speaking
   * one): get the voice ready, so its first sentence sounds sooner
   */
  warm?(): void
}
