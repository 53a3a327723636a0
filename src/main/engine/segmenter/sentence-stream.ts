import { speakablePipeline, type SpeakablePipeline } from './pipeline'
import { SentenceSplitter } from './sentence-splitter'
import type { Segmenter, SegmenterOptions, Utterance } from './utterance'

export type { Segmenter, SegmenterOptions, Utterance } from './utterance'

const DEFAULT_MAX_CHARS = 220
/** CJK packs about 3.7 times the speech per character. */
const CJK_SHARE = 60 / 220
const DEFAULT_FRAGMENT_DELAY_MS = 400

/**
 * Streamed markdown answer in, speakable utterances out, in one incremental
 * pass: code points → reasoning filter → emoji filter → block reader → inline
 * cleaner → sentence splitter. Every stage handles one character at a time and
 * holds back only what it cannot decide yet, so, without a first fragment, the
 * output is the same for any chunking and each character is handled a bounded
 * number of times.
 */
class SentenceStream implements Segmenter {
  private readonly out: Utterance[] = []
  private readonly feeder: SpeakablePipeline
  private readonly splitter: SentenceSplitter
  private readonly fragmentOn: boolean
  private readonly fragmentDelay: number
  private readonly clock: () => number
  private firstTokenAt: number | undefined
  private fragmentDone = false
  /** utterances already handed out */
  private emitted = 0
  private ended = false

  constructor(opts: SegmenterOptions) {
    const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS
    if (!(maxChars >= 8)) throw new RangeError(`maxChars must be at least 8, got ${maxChars}`)
    this.fragmentOn = opts.firstFragment ?? true
    this.fragmentDelay = opts.firstFragmentDelayMs ?? DEFAULT_FRAGMENT_DELAY_MS
    this.clock = opts.now ?? (() => performance.now())
    const limits = { latin: maxChars, cjk: Math.max(8, Math.round(maxChars * CJK_SHARE)) }
    this.splitter = new SentenceSplitter((text, start, end) => {
      this.out.push({ index: this.out.length + this.emitted, text, range: [start, end] })
    }, limits)
    this.feeder = speakablePipeline(this.splitter)
  }

  push(chunk: string, nowMs?: number): Utterance[] {
    if (typeof chunk !== 'string') throw new TypeError(`Segmenter.push expects a string, got ${typeof chunk}`)
    if (this.ended) throw new Error('Segmenter.push after flush(): the answer has ended')
    if (chunk.length > 0 && this.firstTokenAt === undefined) this.firstTokenAt = nowMs ?? this.clock()
    this.feeder.write(chunk)
    if (nowMs !== undefined) this.maybeFragment(nowMs)
    return this.take()
  }

  tick(nowMs: number, opts: { stalled?: boolean } = {}): Utterance[] {
    if (this.ended) return []
    this.maybeFragment(nowMs)
    if (opts.stalled) this.splitter.stall(this.feeder.pause())
    return this.take()
  }

  flush(): Utterance[] {
    if (this.ended) return []
    this.ended = true
    this.feeder.end()
    return this.take()
  }

  /** Fast first words: once, only before any sentence completed. */
  private maybeFragment(nowMs: number): void {
    if (!this.fragmentOn || this.fragmentDone || this.emitted + this.out.length > 0) return
    if (this.firstTokenAt === undefined || nowMs - this.firstTokenAt < this.fragmentDelay) return
    this.fragmentDone = this.splitter.fragment()
  }

  private take(): Utterance[] {
    const out = this.out.length === 0 ? [] : this.out.splice(0)
    this.emitted += out.length
    return out
  }
}

export function createSegmenter(opts: SegmenterOptions = {}): Segmenter {
  return new SentenceStream(opts)
}
