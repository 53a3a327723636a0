import type { CharSink } from './sinks'

/**
 * Turns arbitrary string chunks into whole code points: a chunk may end between
 * the two halves of a surrogate pair (an emoji, say), and every later stage
 * wants to see the pair as one character.
 */
export class CodePointFeeder {
  private offset = 0
  private high = ''

  constructor(private readonly out: CharSink) {}

  write(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const unit = chunk.charCodeAt(i)
      if (this.high) {
        const high = this.high
        this.high = ''
        if (unit >= 0xdc00 && unit <= 0xdfff) {
          this.out.char(high + chunk[i], this.offset - 1)
          this.offset++
          continue
        }
        this.out.char(high, this.offset - 1)
      }
      if (unit >= 0xd800 && unit <= 0xdbff) this.high = chunk[i]!
      else this.out.char(chunk[i]!, this.offset)
      this.offset++
    }
  }

  end(): void {
    if (this.high) this.out.char(this.high, this.offset - 1)
    this.high = ''
    this.out.end()
  }
}
