/**
 * Bytes handed from a download to a player that may start later: pieces wait
 * here until they are read, in order, once. The download bounds the total.
 */
export class ChunkQueue {
  private readonly chunks: Buffer[] = []
  private ended = false
  private error: unknown = null
  private wake: (() => void) | null = null

  push(chunk: Buffer): void {
    if (this.ended) return
    this.chunks.push(chunk)
    this.notify()
  }

  /** no more pieces; with an error, reading rejects once the pieces before it are read */
  end(error: unknown = null): void {
    if (this.ended) return
    this.ended = true
    this.error = error
    this.notify()
  }

  async *read(): AsyncGenerator<Buffer> {
    for (;;) {
      const next = this.chunks.shift()
      if (next) {
        yield next
        continue
      }
      if (this.ended) {
        if (this.error) throw this.error
        return
      }
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }

  private notify(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }
}
