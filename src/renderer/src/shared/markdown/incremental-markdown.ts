import type { Token } from 'marked'

/**
 * Streams markdown into blocks without re-parsing what is settled. Everything
 * before `settledEnd` has been cut into finished top-level blocks, which never
 * change again; each update lexes only the text after it. A block counts as
 * finished once another block follows it: only the last block can still grow
 * (a paragraph gaining a line, an unclosed code fence gaining code).
 */

export interface MarkdownBlock {
  /** stable per position: block n keeps key n for the life of the answer */
  key: number
  /** the block's source text */
  source: string
  /** [start, end) offsets of `source` in the whole answer */
  range: [number, number]
  tokens: Token[]
}

export interface MarkdownSnapshot {
  settled: readonly MarkdownBlock[]
  /** the open block(s) after the settled ones; null when the text ends with a settled block */
  tail: MarkdownBlock | null
}

export type Lex = (source: string) => Token[]

export class IncrementalMarkdown {
  private raw = ''
  private text = ''
  private settled: MarkdownBlock[] = []
  private settledEnd = 0
  /** how many characters were handed to the lexer in total (tests and benches read it) */
  lexedChars = 0
  lexCalls = 0

  constructor(private readonly lex: Lex) {}

  update(next: string): MarkdownSnapshot {
    const text = this.normalise(next)
    this.text = text
    const tailSource = text.slice(this.settledEnd)
    if (!tailSource) return { settled: this.settled, tail: null }
    const tokens = this.lexTail(tailSource)
    const open = this.settle(tokens, tailSource)
    const rest = text.slice(this.settledEnd)
    if (!rest) return { settled: this.settled, tail: null }
    const tail: MarkdownBlock = {
      key: this.settled.length,
      source: rest,
      range: [this.settledEnd, text.length],
      tokens: open
    }
    return { settled: this.settled, tail }
  }

  /**
   * CRLF to LF, touching only what was appended: an answer only grows, so the
   * old text is checked at its end rather than compared in full on every token.
   */
  private normalise(next: string): string {
    const prev = this.raw
    const grew =
      next.length >= prev.length && next.slice(Math.max(0, prev.length - 64), prev.length) === prev.slice(-64)
    if (!grew) this.reset()
    let added = (grew ? next.slice(prev.length) : next).replace(/\r\n?/g, '\n')
    if (grew && prev.endsWith('\r') && next[prev.length] === '\n') added = added.slice(1) // a CRLF split across updates
    this.raw = next
    return (grew ? this.text : '') + added
  }

  reset(): void {
    this.raw = ''
    this.text = ''
    this.settled = []
    this.settledEnd = 0
  }

  private lexTail(source: string): Token[] {
    this.lexCalls++
    this.lexedChars += source.length
    return this.lex(source)
  }

  /** Moves every block but the last non-blank one into `settled`; returns the tokens still open. */
  private settle(tokens: Token[], source: string): Token[] {
    let lastContent = tokens.length - 1
    while (lastContent >= 0 && tokens[lastContent]!.type === 'space') lastContent--
    if (lastContent <= 0) return tokens
    let offset = 0
    // The lexer's `raw` pieces normally add up to the source; if they ever do not, settle nothing.
    for (let i = 0; i < lastContent; i++) {
      const token = tokens[i]!
      if (source.slice(offset, offset + token.raw.length) !== token.raw) return tokens
      offset += token.raw.length
      if (token.type === 'space') continue
      const start = this.settledEnd + offset - token.raw.length
      this.settled.push({
        key: this.settled.length,
        source: token.raw,
        range: [start, start + token.raw.length],
        tokens: [token]
      })
    }
    this.settled = [...this.settled] // a new array, so memoised consumers see the change
    this.settledEnd += offset
    return tokens.slice(lastContent)
  }
}
