import type { MarkdownBlock } from './incremental-markdown'

const GROUP_SIZE = 32

/**
 * Settled blocks in groups of GROUP_SIZE. A full group keeps the same array
 * object forever, so React compares one prop per 32 blocks instead of one
 * per block: a long answer costs O(groups) per update, not O(blocks).
 */
export class BlockGroups {
  private full: MarkdownBlock[][] = []

  of(settled: readonly MarkdownBlock[]): MarkdownBlock[][] {
    if (settled.length < this.full.length * GROUP_SIZE) this.full = [] // the text was replaced
    while ((this.full.length + 1) * GROUP_SIZE <= settled.length) {
      const start = this.full.length * GROUP_SIZE
      this.full = [...this.full, settled.slice(start, start + GROUP_SIZE)]
    }
    const rest = settled.slice(this.full.length * GROUP_SIZE)
    return rest.length > 0 ? [...this.full, rest] : this.full
  }
}
