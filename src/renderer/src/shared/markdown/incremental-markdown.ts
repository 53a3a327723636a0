import type { Token } from 'marked'
import { LIMITS, plainCut, scanSegments, type Continuation, type Segment } from './markdown-limits'

/**
 * Streams markdown into blocks without re-parsing what is settled. Everything
 * before `settledEnd` has been cut into finished top-level blocks, which never
 * change again; each update lexes only the text after it. A block counts as
 * finished once another block follows it: only the last block can still grow
 * (a paragraph gaining a line, an unclosed code fence gaining code).
 *
 * Before lexing, the open text is cut into segments (markdown-limits.ts): a
 * segment past a limit becomes plain text, settled in pieces as it grows, so
 * no update costs more than a bounded stretch of text, whatever the answer.
 */

export interface MarkdownBlock {
  /** stable per position: block n keeps key n for the life of the answer */
  key: number
  /** the block's source text */
  source: string
  /** [start, end) offsets of `source` in the whole answer */
  range: [number, number]
  tokens: Token[]
  /** shown as plain text, not markdown: `note` on the first piece of such a stretch */
  plain?: { code: boolean; note: boolean }
}

export interface MarkdownSnapshot {
  settled: readonly MarkdownBlock[]
  /** the open block(s) after the settled ones; null when the text ends with a settled block */
  tail: MarkdownBlock | null
}

export type Lex = (source: string) => Token[]

export class IncrementalMarkdown {
  private raw = ''
  /**
   * The normalised text after settledEnd; never the whole answer, because a
   * block's source is a slice of the string it was cut from and keeps all of
   * that string alive: slicing a copy of the whole answer on every update
   * would hold one copy per update.
   */
  private open = ''
  private settled: MarkdownBlock[] = []
  private settledEnd = 0
  /** the poison segment the open text is still inside, if any */
  private continuing: (Continuation & { noted: boolean }) | null = null
  /** how many characters were handed to the lexer in total (tests and benches read it) */
  lexedChars = 0
  lexCalls = 0

  constructor(private readonly lex: Lex) {}

  update(next: string): MarkdownSnapshot {
    const source = this.normalise(next)
    const base = this.settledEnd
    let run = 0 // start of the segments not yet settled, in `source`
    let open: MarkdownBlock | null = null
    for (const seg of scanSegments(source, this.continuing)) {
      if (seg.poison) {
        if (seg.start > run) this.settleLexed(source.slice(run, seg.start))
        open = this.settlePlain(source.slice(seg.start, seg.end), seg)
        run = seg.end
        if (open) break
      } else if (seg.end - run > LIMITS.runChars && seg.start > run) {
        this.settleLexed(source.slice(run, seg.start))
        run = seg.start
      }
    }
    if (!open && run < source.length) open = this.openLexed(source.slice(run))
    this.open = source.slice(this.settledEnd - base)
    if (this.settledEnd !== base) this.settled = [...this.settled] // a new array, so memoised consumers see the change
    return { settled: this.settled, tail: open }
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
    // A copy, not a slice of `next`: a slice would keep this update's whole answer alive in every block cut from it.
    let added = detached(grew ? next.slice(prev.length) : next).replace(/\r\n?/g, '\n')
    if (grew && prev.endsWith('\r') && next[prev.length] === '\n') added = added.slice(1) // a CRLF split across updates
    this.raw = next
    return (grew ? this.open : '') + added
  }

  reset(): void {
    this.raw = ''
    this.open = ''
    this.settled = []
    this.settledEnd = 0
    this.continuing = null
  }

  private lexTail(source: string): Token[] {
    this.lexCalls++
    this.lexedChars += source.length
    return this.lex(source)
  }

  /** Lexes the open text and settles every block but the last non-blank one; returns the open one. */
  private openLexed(source: string): MarkdownBlock | null {
    const start = this.settledEnd
    const tokens = this.lexTail(source)
    const open = this.settle(tokens, source, true)
    const rest = source.slice(this.settledEnd - start)
    if (!rest) return null
    const range: [number, number] = [this.settledEnd, this.settledEnd + rest.length]
    return { key: this.settled.length, source: rest, range, tokens: open }
  }

  /** Lexes text that something else follows, so all of it is finished. */
  private settleLexed(source: string): void {
    const tokens = this.lexTail(source)
    if (tokens.length > 0 && this.settle(tokens, source, false).length === 0) return
    if (tokens.length > 0) this.push(source, tokens) // the raw pieces did not add up: keep it as one block
    this.settledEnd += source.length
  }

  /**
   * Moves blocks into `settled` (all of them, or all but the last non-blank
   * one with `keepLast`); returns the tokens left open.
   */
  private settle(tokens: Token[], source: string, keepLast: boolean): Token[] {
    let end = tokens.length
    if (keepLast) {
      end--
      while (end >= 0 && tokens[end]!.type === 'space') end--
      if (end <= 0) return tokens
    }
    let offset = 0
    // The lexer's `raw` pieces normally add up to the source; if they ever do not, settle nothing.
    for (let i = 0; i < end; i++) {
      if (source.slice(offset, offset + tokens[i]!.raw.length) !== tokens[i]!.raw) return tokens
      offset += tokens[i]!.raw.length
    }
    if (!keepLast && offset !== source.length) return tokens
    offset = 0
    for (const token of tokens.slice(0, end)) {
      const at = this.settledEnd + offset
      offset += token.raw.length
      if (token.type !== 'space') this.push(token.raw, [token], at)
    }
    this.settledEnd += offset
    return tokens.slice(end)
  }

  /**
   * Settles a poison segment as plain text, in pieces of about chunkChars so an
   * open one stays small; returns the open last piece while the segment can still grow.
   */
  private settlePlain(source: string, seg: Segment): MarkdownBlock | null {
    let note = !this.continuing?.noted
    const code = seg.fence !== null
    let rest = source
    while (rest.length > LIMITS.chunkChars) {
      const cut = plainCut(rest, LIMITS.chunkChars)
      this.push(rest.slice(0, cut), [], this.settledEnd, { code, note })
      this.settledEnd += cut
      rest = rest.slice(cut)
      note = false
    }
    if (!seg.closed) {
      this.continuing = { fence: seg.fence, noted: !note }
      if (!rest) return null
      const range: [number, number] = [this.settledEnd, this.settledEnd + rest.length]
      return { key: this.settled.length, source: rest, range, tokens: [], plain: { code, note } }
    }
    this.continuing = null
    const content = rest.trimEnd()
    if (content) this.push(content, [], this.settledEnd, { code, note })
    this.settledEnd += rest.length
    return null
  }

  private push(source: string, tokens: Token[], start = this.settledEnd, plain?: MarkdownBlock['plain']): void {
    const block: MarkdownBlock = { key: this.settled.length, source, range: [start, start + source.length], tokens }
    if (plain) block.plain = plain
    this.settled.push(block)
  }
}

/** `text` in a string of its own: V8 makes a slice a view that keeps its parent alive. */
function detached(text: string): string {
  return (' ' + text).slice(1)
}
