/** A speakable piece of the answer. */
export interface Utterance {
  index: number
  /** cleaned text for the voice: no markdown symbols, code or emoji */
  text: string
  /** [start, end) offsets in the raw answer text it came from */
  range: [number, number]
}

export interface SegmenterOptions {
  /** speak a first clause early if no sentence completes soon (default true) */
  firstFragment?: boolean
  /** ms after the first token before a first fragment may be cut (default 400) */
  firstFragmentDelayMs?: number
  /** soft cap on an utterance's length (default 220, about 60 for CJK) */
  maxChars?: number
  /** clock for the first token when `push` gets no `nowMs` (default performance.now) */
  now?: () => number
}

/**
 * Streamed markdown in, speakable utterances out. `push` never re-scans text it
 * has decided, and without the time-based first fragment the output is the same
 * for any chunking of the same text.
 */
export interface Segmenter {
  push(chunk: string, nowMs?: number): Utterance[]
  /** called on a timer and on an idle stall: may cut a first fragment or the tail */
  tick(nowMs: number, opts?: { stalled?: boolean }): Utterance[]
  /** end of stream: the unterminated tail */
  flush(): Utterance[]
}
