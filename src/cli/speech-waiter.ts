import type { SpeechSink } from '../main/engine/speech/speech-types'

/**
 * Resolves once every utterance queued for a turn has finished or been
 * cancelled, or the voice has failed, so the CLI exits after the last word.
 */
export class SpeechWaiter {
  private queued = 0
  private settled = 0
  private failed = false
  private wake: (() => void) | null = null
  private readonly unsubscribe: Array<() => void>

  constructor(
    sink: SpeechSink,
    private readonly turnId: () => string
  ) {
    this.unsubscribe = [
      sink.onEvent((e) => {
        if (e.turnId !== this.turnId() || e.state === 'started') return
        this.settled++
        this.check()
      }),
      sink.onError(() => {
        this.failed = true
        this.check()
      })
    ]
  }

  noteQueued(): void {
    this.queued++
  }

  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve
      this.check()
    })
  }

  dispose(): void {
    this.unsubscribe.forEach((u) => u())
  }

  private check(): void {
    if (this.wake && (this.failed || this.settled >= this.queued)) {
      const wake = this.wake
      this.wake = null
      wake()
    }
  }
}
