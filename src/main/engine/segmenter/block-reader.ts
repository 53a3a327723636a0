import { classifyLine, MAX_PREFIX as PREFIX_CAP, type LineStart } from './line-start'
import type { BlockSink, CharSink } from './sinks'

type Mode = 'start' | 'content' | 'silent' | 'fence'

/** copied once: an imported binding is a getter call per character under tsx */
const MAX_PREFIX = PREFIX_CAP

/** `   ```` or `> ~~~~` with nothing else on the line, for fence closing. */
const CLOSING_FENCE = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/

/**
 * Reads markdown block structure line by line: fenced code (also unclosed),
 * tables and rules are silent; headings, list items and quotes become their
 * own blocks; a newline inside a paragraph reads as a space. Only a line's
 * first few characters are held, until its kind is known.
 */
export class BlockReader implements CharSink {
  private mode: Mode = 'start'
  private prefix: Array<[string, number]> = []
  private afterSilent: Mode = 'start'
  private fence: { ch: string; len: number } | null = null
  private fenceLine = ''
  /** the previous line left a paragraph that a plain next line continues */
  private open = false
  private openQuote = 0
  private heading = false
  private table = false
  private pendingNewline = -1
  private lastOff = 0

  constructor(private readonly out: BlockSink) {}

  char(ch: string, off: number): void {
    if (ch === '\r') return
    this.lastOff = off
    switch (this.mode) {
      case 'fence':
        return this.fenceChar(ch)
      case 'silent':
        if (ch === '\n') this.mode = this.afterSilent
        return
      case 'content':
        return ch === '\n' ? this.endContentLine(off) : this.out.text(ch, off)
      case 'start':
        this.prefix.push([ch, off])
        return this.classify()
    }
  }

  end(): void {
    // an unterminated last line is decided as if a newline followed it
    if (this.mode === 'start' && this.prefix.length > 0) this.char('\n', this.lastOff + 1)
    this.out.end()
  }

  private endContentLine(off: number): void {
    this.mode = 'start'
    if (this.heading) {
      this.heading = false
      this.open = false
      this.out.hardBreak()
    } else {
      this.pendingNewline = off
    }
  }

  private classify(): void {
    const s = this.prefix.map(([c]) => c).join('')
    const line = classifyLine(s, this.table)
    if (line) this.apply(line)
    else if (s.length > MAX_PREFIX) this.apply({ kind: 'text', at: 0, quote: 0 })
  }

  private apply(line: LineStart): void {
    const prefix = this.prefix
    this.prefix = []
    const joins = line.kind === 'text' && this.open && line.quote === this.openQuote
    if (joins && this.pendingNewline >= 0) this.out.lineBreak(this.pendingNewline)
    else if (!joins) this.out.hardBreak()
    this.pendingNewline = -1
    this.open = line.kind === 'text' || line.kind === 'item'
    this.openQuote = line.quote
    if (line.kind === 'blank') this.table = false
    if (line.kind === 'table') this.table = true
    if (line.kind === 'heading') this.heading = true
    if (line.kind === 'fence') this.fence = line.fence ?? null
    const done = prefix[prefix.length - 1]![0] === '\n'
    if (line.kind === 'blank') return
    if (line.kind === 'text' || line.kind === 'item' || line.kind === 'heading') {
      this.mode = 'content'
      for (let i = line.at; i < prefix.length; i++) this.char(prefix[i]![0], prefix[i]![1])
      return
    }
    this.afterSilent = line.kind === 'fence' ? 'fence' : 'start'
    this.mode = done ? this.afterSilent : 'silent'
  }

  private fenceChar(ch: string): void {
    if (ch !== '\n') {
      if (this.fenceLine.length <= MAX_PREFIX) this.fenceLine += ch
      return
    }
    const m = CLOSING_FENCE.exec(this.fenceLine)
    this.fenceLine = ''
    const fence = this.fence!
    if (m && m[1]![0] === fence.ch && m[1]!.length >= fence.len) {
      this.fence = null
      this.open = false
      this.mode = 'start'
    }
  }
}
