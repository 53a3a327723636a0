import { BodyLimitError, type BodyLimits } from './body-limits'

const LF = 0x0a
const CR = 0x0d
const COLON = 0x3a
const DATA = [0x64, 0x61, 0x74, 0x61] // "data"
const DONE = '[DONE]'

/**
 * Reads an SSE body line by line before the SDK does, so the SDK only ever
 * holds what the limits allow: every line, event, run of chatter and the whole
 * stream are capped, comment lines are dropped (the SDK would keep them until
 * the next data event), and line endings come out as LF. It reports each data
 * event, which is what the idle watchdog counts as progress, and `[DONE]`.
 */
export class SseGuard {
  sawDone = false
  private parts: Uint8Array[] = []
  private lineBytes = 0
  private comment = false
  private skipLf = false
  /** field lines passed on since the last blank line */
  private fields = 0
  private eventBytes = 0
  private eventIsDone = false
  private chatterBytes = 0
  private totalBytes = 0

  constructor(
    private readonly limits: BodyLimits,
    private readonly onDataEvent: () => void
  ) {}

  /** The bytes to hand on for this chunk (whole lines only); throws BodyLimitError. */
  push(chunk: Uint8Array): Uint8Array {
    this.totalBytes += chunk.length
    if (this.totalBytes > this.limits.streamBytes) throw new BodyLimitError('streamBytes', this.limits.streamBytes)
    const out: Uint8Array[] = []
    let start = 0
    if (this.skipLf && chunk.length > 0) {
      if (chunk[0] === LF) start = 1
      this.skipLf = false
    }
    const ends = new LineEnds(chunk)
    for (let at = start; at < chunk.length;) {
      const end = ends.next(at)
      if (end < 0) {
        this.addPart(chunk.subarray(at))
        break
      }
      this.addPart(chunk.subarray(at, end))
      this.endLine(out)
      at = end + 1
      if (chunk[end] === CR) {
        if (end + 1 === chunk.length) this.skipLf = true
        else if (chunk[end + 1] === LF) at++
      }
    }
    return concat(out, true)
  }

  /** The body ended: a last line without its line ending goes on as it was. */
  end(): Uint8Array {
    if (this.comment || this.lineBytes === 0) return new Uint8Array(0)
    const line = concat(this.parts)
    if (isData(line) && this.eventBytes === 0 && valueOf(line) === DONE) this.sawDone = true
    return line
  }

  private addPart(part: Uint8Array): void {
    if (part.length === 0) return
    if (this.lineBytes === 0) this.comment = part[0] === COLON
    this.lineBytes += part.length
    if (this.lineBytes > this.limits.lineBytes) throw new BodyLimitError('lineBytes', this.limits.lineBytes)
    if (!this.comment) this.parts.push(part)
  }

  private endLine(out: Uint8Array[]): void {
    const line = this.comment ? null : concat(this.parts)
    const size = this.lineBytes + 1
    this.parts = []
    this.lineBytes = 0
    this.comment = false
    if (line === null || (line.length === 0 && this.fields === 0)) return this.chatter(size)
    if (line.length === 0) return this.dispatch(out)
    if (isData(line)) {
      if (this.eventBytes === 0) this.eventIsDone = valueOf(line) === DONE
      this.eventBytes += size
      if (this.eventBytes > this.limits.eventBytes) throw new BodyLimitError('eventBytes', this.limits.eventBytes)
    } else {
      this.chatter(size)
    }
    this.fields++
    out.push(line, LF_BYTES)
  }

  private dispatch(out: Uint8Array[]): void {
    out.push(LF_BYTES)
    this.fields = 0
    if (this.eventBytes === 0) return
    if (this.eventIsDone) this.sawDone = true
    this.eventBytes = 0
    this.chatterBytes = 0
    this.onDataEvent()
  }

  private chatter(bytes: number): void {
    this.chatterBytes += bytes
    if (this.chatterBytes > this.limits.chatterBytes) throw new BodyLimitError('chatterBytes', this.limits.chatterBytes)
  }
}

const LF_BYTES = new Uint8Array([LF])

/** The next CR or LF in a chunk; each is searched for only once it has been passed, so a scan stays linear. */
class LineEnds {
  private lf = -2
  private cr = -2
  constructor(private readonly chunk: Uint8Array) {}

  next(from: number): number {
    if (this.lf !== -1 && this.lf < from) this.lf = this.chunk.indexOf(LF, from)
    if (this.cr !== -1 && this.cr < from) this.cr = this.chunk.indexOf(CR, from)
    if (this.cr < 0) return this.lf
    return this.lf < 0 ? this.cr : Math.min(this.lf, this.cr)
  }
}

function isData(line: Uint8Array): boolean {
  return DATA.every((b, i) => line[i] === b) && (line.length === 4 || line[4] === COLON)
}

/** The field's value, as the SDK reads it (one leading space dropped); only short values matter here. */
function valueOf(line: Uint8Array): string {
  if (line.length > 16) return ''
  const value = new TextDecoder().decode(line.subarray(5))
  return value.startsWith(' ') ? value.slice(1) : value
}

/** One buffer of the parts; `fresh` never returns a shared constant or a view to hand on. */
function concat(parts: Uint8Array[], fresh = false): Uint8Array {
  if (parts.length === 1 && !fresh) return parts[0]!
  const size = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
