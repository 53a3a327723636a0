const isBlank = (c: string): boolean => c === ' ' || c === '\t'

/**
 * Watches a line's content for being one bold span, "**Step 1: Install**",
 * which models use as a heading: it is then its own utterance.
 */
export class BoldLine {
  private mark = ''
  private lead = 0
  private run = 0
  private inner = false
  private seen = 0

  reset(): void {
    this.mark = ''
    this.lead = 0
    this.run = 0
    this.inner = false
    this.seen = 0
  }

  see(ch: string): void {
    if (isBlank(ch)) return
    this.seen++
    if (this.seen <= 2) {
      if ((ch === '*' || ch === '_') && (this.seen === 1 || ch === this.mark)) {
        this.mark = ch
        this.lead++
      }
      return
    }
    if (ch === this.mark) return void this.run++
    if (this.run > 0) this.inner = true
    this.run = 0
  }

  /** at the end of the line */
  get isBold(): boolean {
    return this.lead === 2 && this.run === 2 && !this.inner && this.seen > 4
  }
}
