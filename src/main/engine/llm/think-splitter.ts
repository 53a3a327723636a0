export interface Piece {
  type: 'text' | 'reasoning'
  text: string
}

const OPEN = '<think>'
const CLOSE = '</think>'

/** Longest suffix of `s` that is a prefix of `tag`: it may be the start of a tag split across chunks. */
function partialTagSuffix(s: string, tag: string): number {
  for (let n = Math.min(s.length, tag.length - 1); n > 0; n--) {
    if (tag.startsWith(s.slice(-n))) return n
  }
  return 0
}

/**
 * Separates `<think>…</think>` at the start of the content (DeepSeek-R1, Qwen and
 * friends via Ollama) from the answer, however the tags are split across chunks.
 * Reasoning streams out as it comes; only a possible partial tag is held back.
 */
export class ThinkSplitter {
  private state: 'start' | 'think' | 'after' | 'text' = 'start'
  private held = ''

  push(chunk: string): Piece[] {
    this.held += chunk
    const out: Piece[] = []
    for (;;) {
      const before = this.state
      this.step(out)
      if (this.state === before) return out.filter((p) => p.text !== '')
    }
  }

  /** The stream ended: whatever is held back is what it looked like. */
  end(): Piece[] {
    const rest = this.held
    this.held = ''
    if (!rest) return []
    return [{ type: this.state === 'think' ? 'reasoning' : 'text', text: rest }]
  }

  private step(out: Piece[]): void {
    if (this.state === 'start') return this.stepStart(out)
    if (this.state === 'think') return this.stepThink(out)
    if (this.state === 'after') return this.stepAfter()
    out.push({ type: 'text', text: this.held })
    this.held = ''
  }

  private stepStart(out: Piece[]): void {
    const trimmed = this.held.trimStart()
    if (trimmed.startsWith(OPEN)) {
      this.held = trimmed.slice(OPEN.length)
      this.state = 'think'
    } else if (trimmed === '' || OPEN.startsWith(trimmed)) {
      return // still could be a tag
    } else {
      this.state = 'text'
    }
    if (this.state === 'text') {
      out.push({ type: 'text', text: this.held })
      this.held = ''
    }
  }

  private stepThink(out: Piece[]): void {
    const close = this.held.indexOf(CLOSE)
    if (close >= 0) {
      out.push({ type: 'reasoning', text: this.held.slice(0, close) })
      this.held = this.held.slice(close + CLOSE.length)
      this.state = 'after'
      return
    }
    const keep = partialTagSuffix(this.held, CLOSE)
    out.push({ type: 'reasoning', text: this.held.slice(0, this.held.length - keep) })
    this.held = this.held.slice(this.held.length - keep)
  }

  /** Drop the blank lines between `</think>` and the answer. */
  private stepAfter(): void {
    this.held = this.held.trimStart()
    if (this.held !== '') this.state = 'text'
  }
}
