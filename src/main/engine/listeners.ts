/**
 * Subscribers to one kind of event. A listener that throws (a window going
 * away, a bug in one feature) is logged and never stops the others, the voice
 * or a save.
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>()

  /** returns the unsubscribe function */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener)
    return () => {
      this.set.delete(listener)
    }
  }

  emit(value: T): void {
    for (const listener of this.set) {
      try {
        listener(value)
      } catch (err) {
        console.error('[hark] a listener failed:', err)
      }
    }
  }
}
