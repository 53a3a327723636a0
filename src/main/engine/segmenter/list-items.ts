import { BULLET_GLYPHS } from './line-start'
import type { BlockSink, LineSink } from './sinks'

/** What an item's marker said, so the next marker can be recognised inline. */
interface List {
  /** the next label, as a number ("2") or a letter code ("b"), or -1 after a bare glyph */
  next: number
  letters: boolean
  style: string
}

/** A marker read from the start of held text. */
type Read = { label: number; letters: boolean; style: string; glyph: boolean; len: number } | 'more' | null

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t'
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isLowerAscii = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z'
const isGlyph = (c: string | undefined): boolean => c !== undefined && BULLET_GLYPHS.includes(c)
const A = 'a'.charCodeAt(0)

/**
 * `[glyph] label style blank`: "1. ", "2) ", "3.) ", "b. ", "• 10. ", "⁃9. ",
 * or a bare glyph "• ". 'more' while `s` may still become one.
 */
export function readMarker(s: string): Read {
  let i = 0
  const glyph = isGlyph(s[0])
  if (glyph) {
    i++
    while (isBlank(s[i])) i++
    if (i >= s.length) return 'more'
  }
  // "• pears": a glyph and a blank are a marker even when no label follows
  const bare: Read = glyph && isBlank(s[1]) ? { label: -1, letters: false, style: '', glyph, len: i } : null
  let j = i
  while (isDigit(s[j]) && j - i < 3) j++
  const letters = j === i
  if (letters) {
    if (!isLowerAscii(s[i])) return bare
    j++
  }
  if (j >= s.length) return 'more'
  let style = s[j]
  if (style !== '.' && style !== ')') return bare
  if (style === '.' && j + 1 >= s.length) return 'more'
  if (style === '.' && s[j + 1] === ')') style = '.)'
  const k = j + style.length
  if (k >= s.length) return 'more'
  if (!isBlank(s[k])) return bare
  const label = letters ? s.charCodeAt(i) - A : Number(s.slice(i, j))
  return { label, letters, style, glyph, len: k + 1 }
}

/**
 * List items written on one line, "1.) First 2.) Second", "a. One b. Two",
 * "• 9. Nine • 10. Ten": each item is its own utterance and no marker is
 * spoken. An item starting a line (as the block reader reports it) sets the
 * list's style; after a space, only the next marker in that style, with or
 * without a glyph, opens the next item, so "Done. 2. Then" in prose is text.
 */
export class ListItems implements LineSink {
  private list: List | null = null
  private glyphList = false
  private atItemStart = false
  private afterSpace = true
  private held: Array<[string, number]> = []

  constructor(private readonly out: BlockSink) {}

  item(glyph: string | null): void {
    this.release()
    this.out.hardBreak()
    this.list = null
    this.glyphList = glyph !== null
    this.atItemStart = true
    this.afterSpace = true
  }

  text(ch: string, off: number): void {
    if (this.held.length > 0 || this.mayOpenMarker(ch)) return this.hold(ch, off)
    if (this.atItemStart && !isBlank(ch)) this.atItemStart = false
    this.pass(ch, off)
  }

  lineBreak(off: number): void {
    this.release()
    this.atItemStart = false
    this.afterSpace = true
    this.out.lineBreak(off)
  }

  hardBreak(): void {
    this.release()
    this.list = null
    this.glyphList = false
    this.atItemStart = false
    this.out.hardBreak()
  }

  end(): void {
    this.release()
    this.out.end()
  }

  private pass(ch: string, off: number): void {
    this.afterSpace = isBlank(ch)
    this.out.text(ch, off)
  }

  private mayOpenMarker(ch: string): boolean {
    if (this.atItemStart) return isDigit(ch) || isLowerAscii(ch) || isGlyph(ch)
    if (!this.afterSpace) return false
    if (isGlyph(ch)) return this.glyphList || this.list !== null
    if (!this.list) return false
    return this.list.letters ? ch.charCodeAt(0) - A === this.list.next : isDigit(ch)
  }

  private hold(ch: string, off: number): void {
    this.held.push([ch, off])
    const read = readMarker(this.held.map(([c]) => c).join(''))
    if (read === 'more') return
    if (read === null || !this.accepts(read)) return this.release()
    const rest = this.held.slice(read.len)
    this.held = []
    if (!this.atItemStart) this.out.hardBreak()
    this.atItemStart = false
    this.afterSpace = true
    this.list = read.label < 0 ? this.list : { next: read.label + 1, letters: read.letters, style: read.style }
    for (const [c, o] of rest) this.text(c, o)
  }

  private accepts(read: Exclude<Read, 'more' | null>): boolean {
    if (this.atItemStart) return true
    if (read.label < 0) return this.glyphList
    const list = this.list
    return list !== null && read.label === list.next && read.letters === list.letters && read.style === list.style
  }

  /** The held characters were text after all. */
  private release(): void {
    const held = this.held
    if (held.length === 0) return
    this.held = []
    this.atItemStart = false
    this.pass(held[0]![0], held[0]![1])
    for (let i = 1; i < held.length; i++) this.text(held[i]![0], held[i]![1])
  }
}
