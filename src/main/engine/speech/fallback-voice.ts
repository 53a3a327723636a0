import type { SpeechItem, TtsEngine } from './speech-types'

/**
 * The voice that speaks the rest of a turn whose engine failed (a provider
 * voice's endpoint, say), so an answer is never left silent. One turn at a
 * time falls back; a new engine starts with none.
 */
export class FallbackVoice {
  /** the turn being spoken by the fallback after its engine failed */
  private turn: string | null = null

  constructor(public engine: TtsEngine | undefined) {}

  /** `primary`, or the fallback for the rest of a turn that fell back */
  engineFor(item: SpeechItem, primary: TtsEngine): TtsEngine {
    return this.engine && this.turn === item.turnId ? this.engine : primary
  }

  /** whether `item`'s turn can still go to the fallback after `failed` failed */
  canTake(item: SpeechItem, failed: TtsEngine): boolean {
    return this.engine !== undefined && failed !== this.engine && this.turn !== item.turnId
  }

  /** the fallback speaks `item` again and the rest of its turn */
  take(item: SpeechItem): void {
    this.turn = item.turnId
  }

  reset(): void {
    this.turn = null
  }
}
