import type { PreparedSpeech, SpeechItem, TtsEngine, VoiceOptions } from './speech-types'

/**
 * At most one utterance synthesised ahead: the next in the queue, prepared
 * while the current one sounds, so it can start the moment that one ends.
 */
export class PrefetchedSpeech {
  private held: { item: SpeechItem; speech: PreparedSpeech } | null = null

  /** the item prepared ahead, if any */
  get item(): SpeechItem | undefined {
    return this.held?.item
  }

  /** Prepare `item` ahead (when the engine can) unless it is the one held; anything else held is cancelled. */
  start(item: SpeechItem, engine: TtsEngine, opts: VoiceOptions): void {
    if (!engine.prepare || this.held?.item === item) return
    this.drop()
    this.held = { item, speech: engine.prepare(item.text, opts) }
  }

  /** The speech prepared for `item`, now the caller's to play or cancel; anything else held is cancelled. */
  take(item: SpeechItem): PreparedSpeech | null {
    const held = this.held
    if (held?.item === item) {
      this.held = null
      return held.speech
    }
    this.drop()
    return null
  }

  drop(): void {
    this.held?.speech.cancel()
    this.held = null
  }
}
