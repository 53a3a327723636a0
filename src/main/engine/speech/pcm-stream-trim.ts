import { bytesFor, isLoudFrame, KEEP_LEAD_MS, KEEP_TAIL_MS } from './silence'
import type { PcmFormat } from './wav-player'

/**
 * Leading silence is held back at most this long; past it the stream is
 * passed on whole, so a voice that starts this quietly is never cut.
 */
export const MAX_LEAD_TRIM_MS = 1500
/** A pause held back this long is inside the speech: it is played, so memory stays bounded. */
const MAX_HELD_MS = 1000

const EMPTY = Buffer.alloc(0)

/**
 * Trims streamed 16-bit PCM as it arrives, in one pass: the silence before
 * the first loud frame is dropped (KEEP_LEAD_MS of it kept) so sound starts
 * with the first audible sample. Of each pause after that, the first
 * KEEP_TAIL_MS plays as it arrives and the rest is held back until speech
 * resumes; at the end what is held is dropped, so the trailing silence is cut
 * to KEEP_TAIL_MS, shortening the dead air before the next utterance. Pieces
 * may split frames anywhere.
 */
export class PcmSilenceTrim {
  private readonly frameBytes: number
  private readonly keepLead: number
  private readonly keepTail: number
  private readonly maxLead: number
  private readonly maxHeld: number
  private carry: Buffer = EMPTY
  private started = false
  /** trailing silence of what has come so far: the lead window before sound, the pause (past its start) after */
  private held: Buffer[] = []
  private heldBytes = 0
  /** how long the pause since the last loud frame is so far, played and held */
  private pauseBytes = 0

  constructor(format: PcmFormat) {
    this.frameBytes = 2 * format.channels
    const bytes = (ms: number) => bytesFor(ms, format.rate, this.frameBytes)
    this.keepLead = bytes(KEEP_LEAD_MS)
    this.keepTail = bytes(KEEP_TAIL_MS)
    this.maxLead = bytes(MAX_LEAD_TRIM_MS)
    this.maxHeld = bytes(MAX_HELD_MS)
  }

  /** What to play now of this piece (possibly nothing). */
  push(piece: Buffer): Buffer[] {
    const data = this.carry.length ? Buffer.concat([this.carry, piece]) : piece
    const whole = data.length - (data.length % this.frameBytes)
    this.carry = whole < data.length ? Buffer.from(data.subarray(whole)) : EMPTY
    const frames = data.subarray(0, whole)
    return this.started ? this.afterSound(frames) : this.beforeSound(frames)
  }

  /**
   * What to play at the end: nothing more. The trailing pause's first
   * KEEP_TAIL_MS has played; the rest, held, is dropped, as is a split last frame.
   */
  end(): Buffer[] {
    this.release()
    return []
  }

  private beforeSound(frames: Buffer): Buffer[] {
    const loudAt = this.firstLoud(frames)
    if (loudAt < 0) {
      this.hold(frames)
      // this long without a loud frame: play what was held after all, nothing is lost
      return this.heldBytes > this.maxLead ? this.startSound(EMPTY, this.heldBytes) : []
    }
    this.hold(frames.subarray(0, loudAt))
    return this.startSound(frames.subarray(loudAt), this.keepLead)
  }

  /** From here on only trailing silence is held; `lead` bytes of the silence before it are played. */
  private startSound(rest: Buffer, lead: number): Buffer[] {
    this.started = true
    this.keepOnlyLast(lead)
    return this.afterSound(rest)
  }

  private afterSound(frames: Buffer): Buffer[] {
    const end = this.lastLoudEnd(frames)
    const out: Buffer[] = []
    if (end >= 0) {
      out.push(this.release(), frames.subarray(0, end))
      this.pauseBytes = 0
    }
    // a pause's start plays at once: held, it would be heard twice over when the server sends in real time
    const silence = frames.subarray(Math.max(end, 0))
    const playNow = Math.max(0, this.keepTail - this.pauseBytes)
    this.pauseBytes += silence.length
    out.push(silence.subarray(0, playNow))
    this.hold(silence.subarray(playNow))
    if (this.heldBytes > this.maxHeld) out.push(this.release())
    return out.filter((b) => b.length > 0)
  }

  private hold(frames: Buffer): void {
    if (!frames.length) return
    this.held.push(frames)
    this.heldBytes += frames.length
  }

  private release(): Buffer {
    if (this.heldBytes === 0) return EMPTY
    const all = Buffer.concat(this.held)
    this.held = []
    this.heldBytes = 0
    return all
  }

  private keepOnlyLast(bytes: number): void {
    if (this.heldBytes <= bytes) return
    const all = this.release()
    this.hold(Buffer.from(all.subarray(all.length - bytes)))
  }

  private firstLoud(frames: Buffer): number {
    for (let at = 0; at < frames.length; at += this.frameBytes) if (isLoudFrame(frames, at, this.frameBytes)) return at
    return -1
  }

  /** Just past the last loud frame, or -1 when all are silent. */
  private lastLoudEnd(frames: Buffer): number {
    for (let at = frames.length - this.frameBytes; at >= 0; at -= this.frameBytes)
      if (isLoudFrame(frames, at, this.frameBytes)) return at + this.frameBytes
    return -1
  }
}

/** The stream with its leading and trailing silence trimmed (see PcmSilenceTrim). */
export async function* trimPcmStream(pieces: AsyncIterable<Buffer>, format: PcmFormat): AsyncGenerator<Buffer> {
  const trim = new PcmSilenceTrim(format)
  for await (const piece of pieces) yield* trim.push(piece)
  yield* trim.end()
}
