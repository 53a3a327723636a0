import { endsUrl, HOST_END, spokenHost, TRAILING_PUNCT } from './web-address'

type Char = [string, number]
export type SayHost = (ch: string, off: number) => void

/**
 * A bare URL being read: only its host is spoken (as soon as the host ends),
 * the rest is silent. Punctuation at its end belongs to the sentence unless
 * more URL follows ("x.com/a.b" vs "see x.com.").
 */
export class BareUrl {
  private inHost = true
  private parens = 0
  private trail: Char[] = []

  constructor(
    private readonly host: Char[],
    private readonly say: SayHost
  ) {}

  /**
   * Takes one character. Returns null while the URL goes on; once it has
   * ended, the characters to read as plain text instead, `ch` last.
   */
  take(ch: string, off: number): Char[] | null {
    if (this.trail.length > 0) {
      if (TRAILING_PUNCT.includes(ch)) {
        this.trail.push([ch, off])
        return null
      }
      const trail = this.trail
      this.trail = []
      if (endsUrl(ch)) return this.end([...trail, [ch, off]])
      for (const [c, o] of trail) this.keep(c, o)
    }
    if (endsUrl(ch) || (ch === ')' && this.parens === 0)) return this.end([[ch, off]])
    if (TRAILING_PUNCT.includes(ch)) this.trail.push([ch, off])
    else this.keep(ch, off)
    return null
  }

  /** The line ended: whatever trails the URL is the sentence's. */
  finish(): Char[] {
    return this.end(this.trail)
  }

  private keep(ch: string, off: number): void {
    if (ch === '(') this.parens++
    if (ch === ')') this.parens--
    if (!this.inHost) return
    if (HOST_END.includes(ch)) this.speakHost()
    else this.host.push([ch, off])
  }

  private speakHost(): void {
    this.inHost = false
    for (const [c, o] of spokenHost(this.host)) this.say(c, o)
  }

  private end(back: Char[]): Char[] {
    if (this.inHost) this.speakHost()
    return back
  }
}
