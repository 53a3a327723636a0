import { lookVerdict, type PeriodContext, spacedEllipsisCut, verdict } from './boundary-rules'
import { fragmentPoint, splitPoint } from './long-split'
import * as scripts from './scripts'
import type { SpeakSink } from './sinks'
import { tidy } from './tidy'

export type EmitUtterance = (text: string, start: number, end: number) => void

export interface Limits {
  latin: number
  cjk: number
}

const enum State {
  /** inside a sentence */
  Normal,
  /** after a terminator, collecting more terminators and closing quotes */
  Term,
  /** after terminator and space: the next character decides */
  Space,
  /** after an initial or acronym: the next word decides */
  Look
}

/** A capitalised word longer than this is not worth waiting for. */
const MAX_LOOK = 24
/** Terminators plus closers longer than this are noise ("!!!!!!!!!!!!"). */
const MAX_TERM = 12
/** The word before the period is looked at up to this many characters ("p." of "p. ej."). */
const MAX_PREV = 8
/** An utterance head this short may be an introductory "At 5" before "a.m.". */
const MAX_HEAD = 16
const NEUTRAL = '\u0000'

// bound once: an imported binding is a getter call per character under tsx
const { hasWord, isAsciiAlnum, isCjk, isCloser, isLetter, isLower, isOpener, isPairCloser, isSpaceChar } = scripts
const { isTerminator, isUnspacedTerminator } = scripts

/**
 * Speakable characters in, utterances out. Holds only the undecided sentence:
 * a boundary is decided by the first non-space character after it, and never
 * revisited. Whitespace is collapsed on the way in.
 */
export class SentenceSplitter implements SpeakSink {
  private chars: string[] = []
  private offs: number[] = []
  private prot: boolean[] = []
  private state = State.Normal
  private termAt = 0
  private termWordAt = 0
  private cand = 0
  private unspaced = false
  /** the terminator run is only periods, perhaps spaced (". . .") */
  private dotsOnly = false
  private lookAt = 0
  private wordAt = 0
  private depth = 0
  private quote = false
  private justOpened = false
  private cjk = 0

  constructor(
    private readonly emit: EmitUtterance,
    private readonly limits: Limits
  ) {}

  put(ch: string, off: number, prot: boolean): void {
    if (isSpaceChar(ch)) return this.space(off, prot)
    this.justOpened = false
    if (this.state === State.Term && this.extendTerm(ch, off, prot)) return
    if (this.state === State.Space && ch === '.' && this.spacesEllipsis(prot)) return this.extendDots(ch, off, prot)
    if (this.state === State.Space) this.decide(ch, prot)
    if (this.state === State.Look) {
      if (isLetter(ch) && this.chars.length - this.lookAt < MAX_LOOK) return this.append(ch, off, prot)
      this.resolveLook()
    }
    this.normal(ch, off, prot)
  }

  brk(): void {
    if (this.state === State.Look) this.resolveLook()
    this.cut(this.chars.length, true)
    this.state = State.Normal
    this.depth = 0
    this.quote = false
    this.justOpened = false
  }

  end(): void {
    this.brk()
  }

  /** An idle stall: speak what is pending, but never half a word (`midWord`: its rest is held upstream). */
  stall(midWord: boolean): void {
    if (!midWord || this.state !== State.Normal) return this.brk()
    const space = this.chars.lastIndexOf(' ')
    if (space > 0) this.cut(space, true)
  }

  /** First-fragment mode: cut at an early clause mark. Returns whether it did. */
  fragment(): boolean {
    const limit = this.state === State.Normal ? this.chars.length : this.termAt
    const at = fragmentPoint(this.chars, this.prot, limit)
    return at > 0 && this.cut(at, false)
  }

  private append(ch: string, off: number, prot: boolean): void {
    this.chars.push(ch)
    this.offs.push(off)
    this.prot.push(prot)
    if (ch.charCodeAt(0) >= 0x1100 && isCjk(ch)) this.cjk++
  }

  private space(off: number, prot: boolean): void {
    // "( " opens nothing: a smiley or a stray bracket must not block every boundary
    if (this.justOpened) this.depth = Math.max(0, this.depth - 1)
    this.justOpened = false
    if (this.state === State.Term) {
      if (this.unspaced) this.closeSentence()
      else this.state = State.Space
    } else if (this.state === State.Look) {
      this.resolveLook()
    }
    const n = this.chars.length
    if (n === 0 || this.chars[n - 1] === ' ') return
    this.append(' ', off, prot)
    this.wordAt = this.chars.length
  }

  private normal(ch: string, off: number, prot: boolean): void {
    const before = this.chars[this.chars.length - 1]
    this.append(ch, off, prot)
    if (!prot && !isAsciiAlnum(ch)) {
      if (ch === '"') this.quote = !this.quote
      else if (isOpener(ch)) {
        this.depth++
        this.justOpened = true
      } else if (isPairCloser(ch)) this.depth = Math.max(0, this.depth - 1)
      if (isTerminator(ch)) return this.enterTerm(ch, before)
    }
    this.checkLength()
  }

  private enterTerm(ch: string, before: string | undefined): void {
    this.state = State.Term
    this.termAt = this.chars.length - 1
    this.termWordAt = this.wordAt
    this.cand = this.chars.length
    this.dotsOnly = ch === '.'
    // "好的!" — an ASCII ! or ? after CJK needs no space either
    this.unspaced = isUnspacedTerminator(ch) || ((ch === '!' || ch === '?') && before !== undefined && isCjk(before))
  }

  private extendTerm(ch: string, off: number, prot: boolean): boolean {
    if (!prot && (isCloser(ch) || isTerminator(ch)) && this.chars.length - this.termAt < MAX_TERM) {
      if (ch === '"') this.quote = false
      else if (isPairCloser(ch)) this.depth = Math.max(0, this.depth - 1)
      if (ch !== '.') this.dotsOnly = false
      this.append(ch, off, prot)
      this.cand = this.chars.length
      return true
    }
    if (this.unspaced) this.closeSentence()
    this.state = State.Normal
    return false
  }

  /** ". ." : a period after a period and a space continues one spaced ellipsis. */
  private spacesEllipsis(prot: boolean): boolean {
    return this.dotsOnly && !prot && this.chars.length - this.termAt < MAX_TERM
  }

  private extendDots(ch: string, off: number, prot: boolean): void {
    this.append(ch, off, prot)
    this.cand = this.chars.length
    this.state = State.Term
  }

  private decide(ch: string, prot: boolean): void {
    this.state = State.Normal
    const { chars, termAt, cand } = this
    // "[...]" marks an omission inside the sentence
    if (this.depth > 0 || this.quote || chars[termAt - 1] === '[') return
    if (this.dotsOnly && chars.indexOf(' ', termAt) < cand) return this.decideSpacedEllipsis(ch)
    let terms = ''
    for (let i = termAt; i < cand && isTerminator(chars[i]!); i++) terms += chars[i]
    const word = chars.slice(this.termWordAt, termAt).join('')
    // code or a host starting the next sentence has no meaningful case
    const v = verdict(word, terms, prot ? NEUTRAL : ch, this.context())
    if (v === 'look') {
      this.state = State.Look
      this.lookAt = this.chars.length
    } else if (v === 'yes') {
      this.cut(this.cand, false)
    }
  }

  private decideSpacedEllipsis(next: string): void {
    if (isLower(next)) return
    let dots = 0
    for (let i = this.termAt; i < this.cand; i++) if (this.chars[i] === '.') dots++
    const keep = spacedEllipsisCut(dots, this.termAt > 0 && this.chars[this.termAt - 1] !== ' ')
    if (keep === 0) return
    let at = this.termAt
    for (let kept = 0; kept < keep; at++) if (this.chars[at] === '.') kept++
    this.cut(at, false)
  }

  /** The word before the period's word and the utterance's start, both bounded. */
  private context(): PeriodContext {
    const { chars, termWordAt } = this
    let from = termWordAt - 1
    const stop = Math.max(0, from - MAX_PREV)
    while (from > stop && chars[from - 1] !== ' ') from--
    const prev = termWordAt > 0 ? chars.slice(from, termWordAt - 1).join('') : ''
    const head = termWordAt <= MAX_HEAD ? chars.slice(0, termWordAt).join('') : ''
    return { opens: termWordAt === 0, prev, head }
  }

  private resolveLook(): void {
    this.state = State.Normal
    if (lookVerdict(this.chars.slice(this.lookAt).join(''))) this.cut(this.cand, false)
  }

  private closeSentence(): void {
    this.state = State.Normal
    if (this.depth === 0 && !this.quote) this.cut(this.cand, false)
  }

  private checkLength(): void {
    const n = this.chars.length
    const limit = this.cjk * 2 > n ? this.limits.cjk : this.limits.latin
    if (n > limit) this.cut(splitPoint(this.chars, this.prot, limit), true)
  }

  /**
   * Emits chars[0, at) as one utterance. A piece without a letter or digit is
   * kept for the next sentence instead (or dropped when `force`), so nothing
   * symbol-only is ever spoken.
   */
  private cut(at: number, force: boolean): boolean {
    const { chars, offs } = this
    let a = 0
    while (a < at && chars[a] === ' ') a++
    let b = at
    while (b > a && chars[b - 1] === ' ') b--
    const text = chars.slice(a, b).join('')
    const spoken = hasWord(text)
    if (!spoken && !force) return false
    if (spoken) this.emit(tidy(text), offs[a]!, offs[b - 1]! + chars[b - 1]!.length)
    let drop = at
    while (drop < chars.length && chars[drop] === ' ') drop++
    this.dropFront(drop)
    return spoken
  }

  private dropFront(n: number): void {
    this.chars.splice(0, n)
    this.offs.splice(0, n)
    this.prot.splice(0, n)
    this.termAt -= n
    this.termWordAt = Math.max(0, this.termWordAt - n)
    this.cand -= n
    this.lookAt -= n
    this.wordAt = Math.max(0, this.wordAt - n)
    this.cjk = 0
    for (const c of this.chars) if (c.charCodeAt(0) >= 0x1100 && isCjk(c)) this.cjk++
  }
}
