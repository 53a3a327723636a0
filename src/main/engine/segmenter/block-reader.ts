import { BoldLine } from './bold-line'
import { classifyLine, MAX_PREFIX as PREFIX_CAP, type LineKind, type LineStart } from './line-start'
import type { CharSink, LineSink } from './sinks'
import { TableHeaderHold } from './table-header'

type Mode = 'start' | 'content' | 'silent' | 'fence'

/** copied once: an imported binding is a getter call per character under tsx */
const MAX_PREFIX = PREFIX_CAP

/** `   ```` or `> ~~~~` with nothing else on the line, for fence closing. */
const CLOSING_FENCE = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/
/** CommonMark: four columns more than the enclosing list's content make code. */
const CODE_INDENT = 4

/**
 * Reads markdown block structure line by line: fenced and indented code (also
 * unclosed), tables and rules are silent; headings, bold-only lines, list
 * items and quotes become their own blocks; a newline inside a paragraph reads
 * as a space. Only a line's first few characters are held, until its kind is
 * known (and a possible table header, until its next line).
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
  /** content column of the list being read, 0 outside lists */
  private listIndent = 0
  private pendingNewline = -1
  private lastOff = 0
  private readonly bold = new BoldLine()
  private readonly header: TableHeaderHold

  constructor(private readonly out: LineSink) {
    this.header = new TableHeaderHold((c, o) => out.text(c, o))
  }

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
        if (ch === '\n') return this.endContentLine(off)
        this.bold.see(ch)
        if (!this.header.hold(ch, off)) this.out.text(ch, off)
        return
      case 'start':
        this.prefix.push([ch, off])
        return this.classify()
    }
  }

  end(): void {
    // an unterminated last line is decided as if a newline followed it
    if (this.mode === 'start' && this.prefix.length > 0) this.char('\n', this.lastOff + 1)
    this.header.release()
    this.out.end()
  }

  /** The stream paused: a possible table header is spoken rather than kept waiting. */
  pause(): void {
    this.header.release()
  }

  private endContentLine(off: number): void {
    this.mode = 'start'
    this.header.lineEnd()
    if (this.heading || this.bold.isBold) {
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
    else if (s.length > MAX_PREFIX) this.apply({ kind: 'text', at: 0, quote: 0, indent: 0 })
  }

  private apply(line: LineStart): void {
    const prefix = this.prefix
    this.prefix = []
    const kind = this.kindOf(line)
    if (this.header.pending) {
      if (kind === 'table') this.header.drop()
      else this.header.release()
    }
    const joins = kind === 'text' && this.open && line.quote === this.openQuote
    if (joins && this.pendingNewline >= 0) this.out.lineBreak(this.pendingNewline)
    else if (kind === 'item') this.out.item(line.glyph ?? null)
    else if (!joins) this.out.hardBreak()
    this.pendingNewline = -1
    this.open = kind === 'text' || kind === 'item'
    this.openQuote = line.quote
    if (kind === 'blank') this.table = false
    if (kind === 'table') this.table = true
    if (kind === 'heading') this.heading = true
    if (kind === 'fence') this.fence = line.fence ?? null
    const done = prefix[prefix.length - 1]![0] === '\n'
    if (kind === 'blank') return
    if (kind === 'text' || kind === 'item' || kind === 'heading') {
      this.mode = 'content'
      this.bold.reset()
      // a header opens a block; a line joining a paragraph must not delay the boundary before it
      if (kind === 'text' && !joins && !this.table) this.header.start()
      for (let i = line.at; i < prefix.length; i++) this.char(prefix[i]![0], prefix[i]![1])
      return
    }
    this.afterSilent = kind === 'fence' ? 'fence' : 'start'
    this.mode = done ? this.afterSilent : 'silent'
  }

  /** The line's kind, indented code told apart from a list item's indented continuation; tracks the list's indent. */
  private kindOf(line: LineStart): LineKind | 'code' {
    if (line.kind === 'blank') return 'blank'
    if (line.quote === 0 && !this.open && line.indent >= this.listIndent + CODE_INDENT) return 'code'
    if (line.kind === 'item') this.listIndent = line.indent + 2
    else if (line.indent < this.listIndent && !this.open) this.listIndent = 0
    return line.kind
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
