import { BareUrl } from './bare-url'
import { MAX_TAG, mayHaveAttributes, mayOpenTag, readTag } from './html-tag'
import { isSpaceChar as isSpace } from './scripts'
import type { BlockSink, SpeakSink } from './sinks'
import { isUrlOpener, mayOpenUrl } from './web-address'

/** A construct whose meaning depends on what follows; its characters wait in `held`. */
type Hold = 'under' | 'bang' | 'open' | 'close' | 'escape' | 'hash' | 'url' | 'tag' | 'tilde'

/** Escaped markdown symbols are still symbols: not spoken. */
const UNSPOKEN = '*_~`|#\\'
const isWordChar = (c: string): boolean => /^[\p{L}\p{N}]$/u.test(c)

/** Struck-out text longer than this on one line is taken for text that only looked struck. */
const MAX_STRUCK = 400

const isAsciiPunct = (c: string): boolean => /^[!-/:-@[-`{-~]$/.test(c)
/** after these a word (and so a bare URL) may begin */
const opensWord = (c: string): boolean => isSpace(c) || '([{<"\'*_~“‘'.includes(c)

/**
 * Inline markdown to speakable characters: emphasis markers go, words stay
 * (snake_case survives), inline code is unwrapped and kept whole, links become
 * their text, a bare URL its host, HTML tags vanish.
 */
export class InlineCleaner implements BlockSink {
  private prev = ' '
  private ticks = 0
  private code = 0
  private dest = 0
  private hold: Hold | null = null
  private held: Array<[string, number]> = []
  private url: BareUrl | null = null
  /** "[...]": an editorial omission, its brackets are text, not a link */
  private omission = false
  /** inside `~~…~~`: GFM strikethrough, silent once it closes on the same line */
  private struck: Array<[string, number]> | null = null

  constructor(private readonly out: SpeakSink) {}

  text(ch: string, off: number): void {
    this.feed(ch, off)
  }

  lineBreak(off: number): void {
    this.settle()
    this.emit(' ', off)
  }

  hardBreak(): void {
    this.settle()
    this.out.brk()
  }

  end(): void {
    this.settle()
    this.out.end()
  }

  /** Is the last spoken word still open: its next characters held here ("snake" of "snake_")? */
  midWord(): boolean {
    return this.hold === 'under'
  }

  /** A line ended: every pending construct is decided as if by a space. */
  private settle(): void {
    // releasing held text can start another construct: settle until calm
    while (this.ticks || this.hold || this.url || this.struck) {
      if (this.ticks) this.closeTicks()
      if (this.hold) this.decideHold(null, -1)
      else if (this.url) this.endUrl(this.url.finish())
      else if (this.struck) this.unstrike()
    }
    this.code = 0
    this.dest = 0
    this.omission = false
    this.prev = ' '
  }

  private feed(ch: string, off: number): void {
    for (;;) {
      if (this.ticks && ch !== '`') this.closeTicks()
      if (!this.hold) break
      if (!this.decideHold(ch, off)) return
    }
    if (this.struck) return this.strike(ch, off)
    if (this.url) {
      const back = this.url.take(ch, off)
      if (back === null) return
      // `ch` comes back last, to be read after any trailing punctuation
      this.endUrl(back.slice(0, -1))
      return this.feed(ch, off)
    }
    if (ch === '`') {
      this.ticks++
      this.prev = ch
    } else if (this.code) {
      this.emit(ch, off, true)
    } else if (this.dest) {
      if (ch === '(') this.dest++
      else if (ch === ')') this.dest--
    } else {
      this.plain(ch, off)
    }
  }

  private emit(ch: string, off: number, prot = false): void {
    this.prev = ch
    this.out.put(ch, off, prot)
  }

  private startHold(kind: Hold, ch: string, off: number): void {
    this.hold = kind
    this.held = [[ch, off]]
    this.prev = ch
  }

  private plain(ch: string, off: number): void {
    switch (ch) {
      case '*':
        this.prev = ch
        return
      case '~':
        return this.startHold('tilde', ch, off)
      case '[':
        return this.startHold('open', ch, off)
      case '|':
        return this.emit(' ', off)
      case '_':
        if (isWordChar(this.prev)) return this.startHold('under', ch, off)
        this.prev = ch
        return
      case '\\':
        return this.startHold('escape', ch, off)
      case '!':
        return this.startHold('bang', ch, off)
      case ']':
        if (!this.omission) return this.startHold('close', ch, off)
        this.omission = false
        return this.emit(ch, off)
      case '<':
        return this.startHold('tag', ch, off)
      case '#':
        return isSpace(this.prev) ? this.startHold('hash', ch, off) : this.emit(ch, off)
      case 'h':
      case 'w':
        return opensWord(this.prev) ? this.startHold('url', ch, off) : this.emit(ch, off)
      default:
        this.emit(ch, off)
    }
  }

  /** `next` null: end of line. Returns whether `next` still needs handling. */
  private decideHold(next: string | null, off: number): boolean {
    const [first, firstOff] = this.held[0]!
    switch (this.hold) {
      case 'under':
        this.hold = null
        if (next !== null && isWordChar(next)) this.emit(first, firstOff)
        return true
      case 'bang':
        this.hold = null
        if (next !== '[') this.emit(first, firstOff)
        return true
      case 'tilde':
        this.hold = null
        if (next !== '~') return true
        this.struck = []
        this.prev = next
        return false
      case 'open':
        this.hold = null
        this.omission = next === '.' || next === '…'
        if (this.omission) this.emit(first, firstOff)
        return true
      case 'close':
        this.hold = null
        if (next !== '(') return true
        this.dest = 1
        return false
      case 'escape':
        this.hold = null
        if (next === null || !isAsciiPunct(next)) return true
        if (UNSPOKEN.includes(next)) this.prev = next
        else this.emit(next, off)
        return false
      case 'hash':
        if (next === '#') {
          this.held.push([next, off])
          return false
        }
        this.hold = null
        if (next !== null && !isSpace(next)) for (const [c, o] of this.held) this.emit(c, o)
        return true
      case 'url':
        return this.growUrlOpener(next, off)
      case 'tag':
        return this.growTag(next, off)
    }
    return true
  }

  private growUrlOpener(next: string | null, off: number): boolean {
    const text = this.held.map(([c]) => c).join('') + (next ?? ' ')
    if (next === null || !mayOpenUrl(text)) {
      this.release()
      return true
    }
    this.held.push([next, off])
    if (isUrlOpener(text)) {
      this.url = new BareUrl(text === 'www.' ? this.held : [], (c, o) => this.emit(c, o, true))
      this.hold = null
      this.held = []
    }
    return false
  }

  private growTag(next: string | null, off: number): boolean {
    if (
      next === null ||
      (this.held.length === 1 && !mayOpenTag(next)) ||
      this.held.length > MAX_TAG ||
      (isSpace(next) && this.held[this.held.length - 1]![0] !== ' ' && !this.heldIsTagName())
    ) {
      this.release()
      return true
    }
    this.held.push([next, off])
    if (next !== '>') return false
    const held = this.held
    const reading = readTag(held.map(([c]) => c).join(''))
    if (reading.kind === 'literal') {
      this.release()
      return false
    }
    this.hold = null
    this.held = []
    if (reading.kind === 'silent') {
      if (reading.spacing) this.emit(' ', held[0]![1])
      this.prev = '>'
      return false
    }
    // the reading's indexes are UTF-16 positions in the held text
    let at = 0
    for (const [c, o] of held) {
      if (at >= reading.from && at < reading.to) this.emit(c, o, true)
      at += c.length
    }
    this.prev = '>'
    return false
  }

  /** Before the first space only: is the held `<name` a known tag? */
  private heldIsTagName(): boolean {
    if (this.held.some(([c]) => c === ' ')) return true
    return mayHaveAttributes(this.held.map(([c]) => c).join(''))
  }

  /** The held characters turned out to be plain text. */
  private release(): void {
    const held = this.held
    this.hold = null
    this.held = []
    this.emit(held[0]![0], held[0]![1])
    for (let i = 1; i < held.length; i++) this.feed(held[i]![0], held[i]![1])
  }

  private strike(ch: string, off: number): void {
    const struck = this.struck!
    if (ch === '~' && struck.at(-1)?.[0] === '~') {
      this.struck = null
      this.prev = ch
      return
    }
    struck.push([ch, off])
    if (struck.length > MAX_STRUCK) this.unstrike()
  }

  /** An unclosed `~~`: its text is spoken after all. */
  private unstrike(): void {
    const struck = this.struck!
    this.struck = null
    for (const [c, o] of struck) this.feed(c, o)
  }

  private closeTicks(): void {
    if (!this.code) this.code = this.ticks
    else if (this.ticks === this.code) this.code = 0
    this.ticks = 0
  }

  private endUrl(plain: Array<[string, number]>): void {
    this.url = null
    this.prev = '/'
    for (const [c, o] of plain) this.feed(c, o)
  }
}
