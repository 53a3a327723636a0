import type { SpeechEvent } from '../speech/speech-types'

/**
 * Follows one answered turn until it is over: the answer has finished
 * streaming and the voice has nothing of it left to say (`voiceIdle`, the
 * speech queue's one "this turn's voice is done"). Waiting on the queue, not
 * on the gaps between sentences, matters: a synthesiser may take longer than
 * any quiet time before the first (or next) sentence sounds.
 */

export interface TurnWatchCallbacks {
  onSpeaking: () => void
  /** `failed`: why the answer broke off (a dropped stream, say), absent when it ended normally or was stopped */
  onOver: (failed?: string) => void
}

/** What a voice-asked turn ends with: the reason, when it failed. */
export interface VoiceTurnOutcome {
  failed?: string
}

export class TurnWatch {
  private over = false
  firstSpokenAt: number | null = null

  constructor(
    readonly turnId: string,
    done: Promise<VoiceTurnOutcome>,
    voiceIdle: (turnId: string) => Promise<void>,
    private readonly cb: TurnWatchCallbacks,
    private readonly now: () => number
  ) {
    void done
      .catch((err: unknown): VoiceTurnOutcome => ({ failed: err instanceof Error ? err.message : String(err) }))
      .then(async (outcome) => {
        await voiceIdle(turnId)
        this.end(outcome.failed)
      })
  }

  onSpeech(e: SpeechEvent): void {
    if (e.turnId !== this.turnId || this.over || e.state !== 'started') return
    this.firstSpokenAt ??= this.now()
    this.cb.onSpeaking()
  }

  /** stop following (barge-in, cancel): no more callbacks */
  dispose(): void {
    this.over = true
  }

  private end(failed: string | undefined): void {
    if (this.over) return
    this.over = true
    this.cb.onOver(failed)
  }
}
