import type { SpeechEvent } from '../speech/speech-types'

/**
 * Follows one answered turn until it is over: the answer has finished
 * streaming and its voice has gone quiet. Speech events arrive per utterance;
 * a short settle time bridges the gap between one utterance finishing and the
 * next one starting, so "done" is not announced in between.
 */

export interface TurnWatchCallbacks {
  onSpeaking: () => void
  onOver: () => void
}

export class TurnWatch {
  private started = 0
  private ended = 0
  private streamDone = false
  private settle: NodeJS.Timeout | undefined
  private over = false
  firstSpokenAt: number | null = null

  constructor(
    readonly turnId: string,
    done: Promise<unknown>,
    private readonly cb: TurnWatchCallbacks,
    private readonly settleMs: number,
    private readonly now: () => number
  ) {
    void done.then(
      () => this.onStreamDone(),
      () => this.onStreamDone()
    )
  }

  onSpeech(e: SpeechEvent): void {
    if (e.turnId !== this.turnId || this.over) return
    if (e.state === 'started') {
      this.started++
      this.firstSpokenAt ??= this.now()
      clearTimeout(this.settle)
      this.cb.onSpeaking()
    } else {
      this.ended++
      this.check()
    }
  }

  /** stop following (barge-in, cancel): no more callbacks */
  dispose(): void {
    this.over = true
    clearTimeout(this.settle)
  }

  private onStreamDone(): void {
    this.streamDone = true
    this.check()
  }

  private check(): void {
    if (this.over || !this.streamDone || this.started > this.ended) return
    clearTimeout(this.settle)
    this.settle = setTimeout(() => {
      if (this.over || this.started > this.ended) return
      this.over = true
      this.cb.onOver()
    }, this.settleMs)
  }
}
