import type { CharSink } from './sinks'

/** Blocks that are never spoken, wherever they open outside code. */
const SILENT_BLOCKS: ReadonlyArray<readonly [open: string, close: string]> = [
  ['<think>', '</think>'],
  ['<thinking>', '</thinking>'],
  ['<reasoning>', '</reasoning>'],
  ['<reflection>', '</reflection>'],
  ['<!--', '-->']
]

/**
 * Drops `<think>…</think>` style reasoning and HTML comments, even across
 * lines and while still unclosed, wherever they open ("Sure.<think>…"). An
 * opener inside inline code or a fenced block is text, so an answer that
 * shows `<think>` or an HTML sample is kept.
 */
export class ReasoningFilter implements CharSink {
  private held: Array<[string, number]> = []
  private closer = ''
  private tail = ''
  /** backticks so far on this line: odd inside inline code */
  private ticks = 0
  /** backticks opening this line, for a fence */
  private lineTicks = 0
  private lineStart = true
  private fenced = false

  constructor(private readonly out: CharSink) {}

  char(ch: string, off: number): void {
    if (this.closer) return this.skip(ch)
    if (this.held.length > 0 || (ch === '<' && !this.fenced && this.ticks % 2 === 0)) return this.hold(ch, off)
    this.pass(ch, off)
  }

  end(): void {
    this.release()
    this.out.end()
  }

  private skip(ch: string): void {
    this.tail = (this.tail + ch).slice(-this.closer.length)
    if (this.tail.toLowerCase() === this.closer) {
      this.closer = ''
      this.tail = ''
    }
  }

  private pass(ch: string, off: number): void {
    this.trackCode(ch)
    this.out.char(ch, off)
  }

  private trackCode(ch: string): void {
    if (ch === '`') {
      this.ticks++
      if (this.lineStart) this.lineTicks++
      return
    }
    if (this.lineTicks >= 3) this.fenced = !this.fenced
    this.lineTicks = 0
    this.lineStart = ch === '\n' || (this.lineStart && (ch === ' ' || ch === '\t' || ch === '>'))
    if (ch === '\n') this.ticks = 0
  }

  private hold(ch: string, off: number): void {
    this.held.push([ch, off])
    const opened = this.held
      .map(([c]) => c)
      .join('')
      .toLowerCase()
    const block = SILENT_BLOCKS.find(([open]) => open === opened)
    if (block) {
      this.closer = block[1]
      this.held = []
    } else if (!SILENT_BLOCKS.some(([open]) => open.startsWith(opened))) {
      this.release()
    }
  }

  private release(): void {
    const held = this.held
    this.held = []
    for (const [c, o] of held) this.pass(c, o)
  }
}
