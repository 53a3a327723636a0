/**
 * Classifies a markdown line from its first few characters, so a line's
 * content can stream on as soon as its kind is known.
 */
export type LineKind = 'blank' | 'text' | 'item' | 'heading' | 'fence' | 'rule' | 'table'

export interface LineStart {
  kind: LineKind
  /** index in the prefix where spoken content begins */
  at: number
  /** block-quote depth (`>` markers) */
  quote: number
  fence?: { ch: string; len: number }
  /** a bullet glyph ("•") that opened the item, which may recur inline */
  glyph?: string
  /** column of the line's first non-blank character (a tab counts to the next multiple of 4) */
  indent: number
}

/** Past this many prefix characters a line of rule characters is taken as a rule. */
export const MAX_PREFIX = 64
const RULE_CHARS = '-*_=:| \t'

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t'
const endsMarker = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n'
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isLowerAscii = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z'
/** Bullets written as characters rather than markdown: "• one", "⁃two". */
export const BULLET_GLYPHS = '•⁃‣◦▪'

function indentOf(s: string): number {
  let col = 0
  for (let i = 0; isBlank(s[i]); i++) col = s[i] === '\t' ? col + 4 - (col % 4) : col + 1
  return col
}

/** Returns null while more characters are needed to decide. */
export function classifyLine(s: string, inTable: boolean): LineStart | null {
  const line = classifyMarkers(s, inTable)
  return line && { ...line, indent: indentOf(s) }
}

type Marked = Omit<LineStart, 'indent'>

function classifyMarkers(s: string, inTable: boolean): Marked | null {
  let i = 0
  let quote = 0
  for (;;) {
    while (isBlank(s[i])) i++
    if (i >= s.length) return null
    if (s[i] !== '>') break
    quote++
    i++
  }
  const c = s[i]!
  if (c === '\n') return { kind: 'blank', at: i, quote }
  if (inTable || c === '|') return { kind: 'table', at: i, quote }
  if (c === '`' || c === '~') return fenceOrText(s, i, quote)
  if (c === '#') return headingOrText(s, i, quote)
  if (isDigit(c) || isLowerAscii(c)) return orderedOrText(s, i, quote)
  if (BULLET_GLYPHS.includes(c)) return { kind: 'item', at: i + 1, quote, glyph: c }
  if (c === '-' || c === '*' || c === '+') {
    if (i + 1 >= s.length) return null
    if (isBlank(s[i + 1])) return { kind: 'item', at: i + 1, quote }
  }
  if (RULE_CHARS.includes(c)) return ruleOrText(s, i, quote)
  return { kind: 'text', at: i, quote }
}

function runEnd(s: string, i: number, ch: string): number {
  while (s[i] === ch) i++
  return i
}

function fenceOrText(s: string, i: number, quote: number): Marked | null {
  const j = runEnd(s, i, s[i]!)
  if (j >= s.length) return null
  if (j - i < 3) return { kind: 'text', at: i, quote }
  return { kind: 'fence', at: j, quote, fence: { ch: s[i]!, len: j - i } }
}

function headingOrText(s: string, i: number, quote: number): Marked | null {
  const j = runEnd(s, i, '#')
  if (j >= s.length) return null
  if (j - i <= 6 && endsMarker(s[j])) return { kind: 'heading', at: j, quote }
  return { kind: 'text', at: i, quote }
}

/**
 * "1. ", "1) ", "1.) " and, for inline lists, "a. ", "b) ". The item's content
 * starts at the marker: the list stage reads (and drops) it, to know which
 * marker may follow inline.
 */
function orderedOrText(s: string, i: number, quote: number): Marked | null {
  let j = i
  if (isLowerAscii(s[i])) j++
  else while (isDigit(s[j])) j++
  if (j >= s.length) return null
  if (j - i > 9 || (s[j] !== '.' && s[j] !== ')')) return { kind: 'text', at: i, quote }
  if (s[j] === '.' && s[j + 1] === ')') j++
  if (j + 1 >= s.length) return null
  if (endsMarker(s[j + 1])) return { kind: 'item', at: i, quote }
  return { kind: 'text', at: i, quote }
}

/** `---`, `***`, `===` (setext underline) and table delimiter rows are silent. */
function ruleOrText(s: string, i: number, quote: number): Marked | null {
  let j = i
  while (j < s.length && RULE_CHARS.includes(s[j]!)) j++
  if (j >= s.length) return s.length > MAX_PREFIX ? { kind: 'rule', at: j, quote } : null
  if (s[j] !== '\n') return { kind: 'text', at: i, quote }
  const line = s.slice(i, j)
  if (line.includes('|') && line.includes('-')) return { kind: 'table', at: j, quote }
  const marks = line.replace(/[ \t]/g, '')
  const kind = /^=+$/.test(marks) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(marks) ? 'rule' : 'text'
  return { kind, at: kind === 'rule' ? j : i, quote }
}
