import type { SpeechEvent, SpeechItem } from '../speech/speech-types'

/**
 * Follows one answered turn until it is over: the answer has finished
 * streaming and every utterance handed to the voice for it has finished or
 * been cancelled. Counting the queued utterances, not the gaps between them,
 * matters: a synthesiser may take longer than any quiet time before the first
 * (or next) sentence sounds, and "done" must not be announced before it does.
 * Only a turn that gave the voice nothing (speech off, an empty answer) is
 * called over after a short settle time.
 */

export interface TurnWatchCallbacks {
  onSpeaking: () => void
  onOver: () => void
}

export class TurnWatch {
  private queued = 0
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

  /** an utterance of some turn was handed to the voice */
  onQueued(item: SpeechItem): void {
    if (item.turnId !== this.turnId || this.over) return
    this.queued++
    clearTimeout(this.settle)
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
    if (this.over || !this.streamDone) return
    if (this.queued === 0) return this.settleThenEnd()
    if (this.ended >= this.queued) this.end()
  }

  /**
   * Nothing was queued (or the voice does not say what it queues): give a late
   * utterance a moment, and never end while one is sounding.
   */
  private settleThenEnd(): void {
    clearTimeout(this.settle)
    if (this.started > this.ended) return
    this.settle = setTimeout(() => {
      if (this.queued === 0 && this.started <= this.ended) this.end()
    }, this.settleMs)
  }

  private end(): void {
    if (this.over) return
    this.over = true
    clearTimeout(this.settle)
    this.cb.onOver()
  }
}
