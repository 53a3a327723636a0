/**
 * How long the voice keeps its warm processes once it falls silent: long
 * enough to bridge a model that is slower than speech between two sentences
 * of one answer, short enough that nothing of the voice (festival holds about
 * 320 MB, a player holds a sound-server stream) outlives the answer.
 */
export const RELEASE_AFTER_IDLE_MS = 2000

/** Lets the engines' warm processes go a short while after the voice falls silent, or at once. */
export class ReleaseWhenIdle {
  private timer: NodeJS.Timeout | null = null
  /** released, and not used since: nothing is warm that a later timer could be meant for */
  private released = false

  constructor(
    private readonly release: () => void,
    private readonly afterMs = RELEASE_AFTER_IDLE_MS
  ) {}

  /** the voice is silent: release after the grace, unless it speaks (or warms) again first */
  idle(): void {
    if (this.timer || this.released) return
    this.timer = setTimeout(() => this.now(), this.afterMs)
    this.timer.unref()
  }

  /** the voice is used again (it speaks or warms): keep what is warm */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.released = false
  }

  now(): void {
    this.cancel()
    this.released = true
    this.release()
  }
}
