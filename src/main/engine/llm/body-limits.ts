const MiB = 1024 * 1024

/**
 * How much of a response body Hark will take, counted on the decoded bytes (so
 * a gzip bomb is measured by what it inflates to). Each limit is far above what
 * a real provider sends and far below what would hurt the process.
 */
export interface BodyLimits {
  /** one SSE line (a single `data:` line carries one chunk, rarely more than a few KB) */
  lineBytes: number
  /** one SSE event: its data lines together, before the blank line that ends it */
  eventBytes: number
  /** keep-alive comments, blank lines and other non-data lines between two data events */
  chatterBytes: number
  /** a whole streamed answer */
  streamBytes: number
  /** a whole JSON body: a batch answer or a model list */
  wholeBytes: number
  /** an error body: only its start is read, for the message */
  errorBytes: number
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  lineBytes: 1 * MiB,
  eventBytes: 4 * MiB,
  chatterBytes: 1 * MiB,
  streamBytes: 32 * MiB,
  wholeBytes: 8 * MiB,
  errorBytes: 64 * 1024
}

export type BodyLimitName = Exclude<keyof BodyLimits, 'errorBytes'>

/** A response broke one of its limits; the request is ended at once. */
export class BodyLimitError extends Error {
  constructor(
    readonly limit: BodyLimitName,
    readonly maxBytes: number
  ) {
    super(`response ${limit} over ${maxBytes} bytes`)
    this.name = 'BodyLimitError'
  }
}
