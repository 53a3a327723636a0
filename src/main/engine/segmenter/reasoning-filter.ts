import type { CharSink } from './sinks'

/** Blocks that are never spoken, recognised when they open a line. */
const SILENT_BLOCKS: ReadonlyArray<readonly [open: string, close: string]> = [
  ['<think>', '</think>'],
  ['<thinking>', '</thinking>'],
  ['<reasoning>', '</reasoning>'],
  ['<reflection>', '</reflection>'],
  ['<!--', '-->']
]

/**
 * Drops `<think>…</think>` style reasoning and HTML comments, even across
 * lines and while still unclosed. Only an opener at the start of a line
 * counts, so prose that merely mentions `<think>` mid-sentence is kept.
 */
export class ReasoningFilter implements CharSink {
  private lineStart = true
  private held: Array<[string, number]> = []
  private closer = ''
  private tail = ''

  constructor(private readonly out: CharSink) {}

  char(ch: string, off: number): void {
    if (this.closer) return this.skip(ch)
    if (this.held.length > 0 || (ch === '<' && this.lineStart)) return this.hold(ch, off)
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
    this.lineStart = ch === '\n' || (this.lineStart && (ch === ' ' || ch === '\t'))
    this.out.char(ch, off)
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
