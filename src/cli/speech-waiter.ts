import type { SpeechSink } from '../main/engine/speech/speech-types'

/**
 * Resolves once every utterance queued for a turn has finished or been
 * cancelled, so the CLI exits after the last word. A reported problem is no
 * reason to stop waiting: the queue ends every item anyway, and after a
 * provider voice fails the system voice is still speaking the rest.
 */
export class SpeechWaiter {
  private queued = 0
  private settled = 0
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
    if (this.wake && this.settled >= this.queued) {
      const wake = this.wake
      this.wake = null
      wake()
    }
  }
}
