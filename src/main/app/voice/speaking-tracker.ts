import type { SpeechEvent } from '../../engine/speech/speech-types'

/**
 * Hark is speaking while some utterance has started and not yet finished or
 * been cancelled. Derived from the speech queue's events alone, so it also
 * covers voices started by the main window, push-to-talk or the popup.
 */
export class SpeakingTracker {
  private readonly playing = new Set<string>()

  /** Returns true when `speaking` changed. */
  update(e: SpeechEvent): boolean {
    const before = this.speaking
    const key = `${e.turnId}\u0000${e.index}`
    if (e.state === 'started') this.playing.add(key)
    else this.playing.delete(key)
    return before !== this.speaking
  }

  /** Stop was pressed: whatever the queue reports later, nothing is playing now. */
  reset(): boolean {
    const before = this.speaking
    this.playing.clear()
    return before
  }

  get speaking(): boolean {
    return this.playing.size > 0
  }
}
