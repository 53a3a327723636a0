/** Without a pipe in its first this many characters, a line is not a table header. */
const MAX_WAIT = 48
/** A header row is held at most this long for its delimiter row. */
const MAX_LINE = 512
/** Header cells are labels: sentence or clause punctuation means prose. */
const PROSE_MARKS = '.!?,;:…。！？，、；：'

type State = 'off' | 'wait' | 'pipe'

/**
 * A table without outer pipes ("Name | Age" then "--- | ---") is known only
 * from its second line, so a line's start waits here while it may be such a
 * header: until a pipe, prose punctuation or MAX_WAIT characters show it is
 * not. A sentence cannot be cut before its terminator arrives, and the
 * terminator releases the hold, so prose is not spoken later for it.
 */
export class TableHeaderHold {
  private held: Array<[string, number]> = []
  private state: State = 'off'

  constructor(private readonly out: (ch: string, off: number) => void) {}

  /** a text line starts */
  start(): void {
    this.state = 'wait'
  }

  /** a line with a pipe ended: the next line decides */
  get pending(): boolean {
    return this.state === 'pipe'
  }

  /** Returns false when `ch` is not held and must go on now. */
  hold(ch: string, off: number): boolean {
    if (this.state === 'off') return false
    this.held.push([ch, off])
    if (ch === '|') this.state = 'pipe'
    const prose = this.state === 'wait' && (PROSE_MARKS.includes(ch) || this.held.length >= MAX_WAIT)
    if (prose || this.held.length >= MAX_LINE) this.release()
    return true
  }

  /** The line ended: a line without a pipe is spoken now. */
  lineEnd(): void {
    if (this.state !== 'pipe') this.release()
  }

  release(): void {
    const held = this.held
    this.held = []
    this.state = 'off'
    for (const [c, o] of held) this.out(c, o)
  }

  /** the delimiter row came: the header is silent */
  drop(): void {
    this.held = []
    this.state = 'off'
  }
}
