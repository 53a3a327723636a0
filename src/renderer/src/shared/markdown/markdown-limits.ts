/**
 * What marked may be given. Model output is untrusted, and marked's cost is
 * not linear in every shape: it recurses once per nesting level (about 1,900
 * `>` overflow the stack), re-lexes each list level's content (a deep list
 * costs its size times its depth) and its emphasis pass is quadratic in `*`
 * and `_`. So the source is first cut into segments, cheaply and in one pass,
 * and a segment past a limit is shown as plain text instead of being lexed.
 */
export const LIMITS = {
  /** container levels on one line: `>`, list markers, and two columns of indent each */
  depth: 16,
  /** one run of text lines between blank lines */
  textChars: 32_000,
  /** `*`, `_` and `~` in one text segment */
  delimiters: 1_000,
  /** one fenced code block, fences included */
  codeChars: 32_000,
  /** code longer than this is shown without syntax colours */
  highlightChars: 16_000,
  /**
   * the same for code still streaming in the open block, which is highlighted
   * again (and its many spans sanitised again) on every update: it gets its
   * colours once it is closed
   */
  openHighlightChars: 4_000,
  /** lexed in one call: a loose list or quote can span many segments */
  runChars: 32_000,
  /** plain text is settled in pieces of about this size, so an open one stays small */
  chunkChars: 16_000
}

/** One block-level stretch of the source: lines up to a blank line, or a whole fenced code block. */
export interface Segment {
  /** [start, end) in the scanned source; `end` includes the blank lines after it */
  start: number
  end: number
  /** where the content ends, before those blank lines */
  contentEnd: number
  /** the opening fence (```` ``` ````, `~~~~`…) when this is fenced code */
  fence: string | null
  /** a later line ended it: a blank line after text, the closing fence after code */
  closed: boolean
  /** past a limit: show as plain text */
  poison: boolean
}

/** A poison segment still open when the last scan ended, so the next scan starts inside it. */
export interface Continuation {
  fence: string | null
}

const FENCE = /^(`{3,}|~{3,})/

/**
 * Cuts `source` into segments, in O(source.length). When `continuing` is
 * given, the source starts inside that (poison) segment.
 */
export function scanSegments(source: string, continuing: Continuation | null = null): Segment[] {
  const segments: Segment[] = []
  let current: Mutable | null = continuing ? open(0, continuing.fence, true) : null
  let at = 0
  while (at < source.length) {
    const newline = source.indexOf('\n', at)
    const lineEnd = newline < 0 ? source.length : newline + 1
    const line = source.slice(at, newline < 0 ? source.length : newline)
    current = scanLine(segments, current, line, at, lineEnd, newline >= 0)
    at = lineEnd
  }
  if (current) segments.push(finish(current))
  return segments
}

interface Mutable extends Segment {
  depth: number
  delimiters: number
  /** a content line was seen (or the segment continues one) */
  hasContent: boolean
  /** a blank line or closing fence was seen: the next content line starts a new segment */
  ended: boolean
}

function open(start: number, fence: string | null, poison = false): Mutable {
  return {
    start,
    end: start,
    contentEnd: start,
    fence,
    closed: false,
    poison,
    depth: 0,
    delimiters: 0,
    hasContent: poison,
    ended: false
  }
}

function scanLine(
  segments: Segment[],
  current: Mutable | null,
  line: string,
  start: number,
  end: number,
  complete: boolean
): Mutable | null {
  if (current?.fence && !current.closed) {
    current.end = end
    current.contentEnd = end
    if (complete && closesFence(line, current.fence)) {
      current.closed = true
      current.ended = true
    }
    return current
  }
  if (line.trim() === '') {
    if (!current) current = open(start, null)
    current.end = end
    if (complete && current.hasContent) current.ended = current.closed = true
    return current
  }
  const { depth, rest } = containerDepth(line)
  const fence = FENCE.exec(rest)?.[1] ?? null
  if (current?.hasContent && (current.ended || fence)) {
    current.closed = true
    segments.push(finish(current))
    current = null
  }
  current ??= open(start, fence)
  if (!current.hasContent) current.fence = fence // after leading blank lines only
  current.hasContent = true
  current.end = current.contentEnd = end
  current.depth = Math.max(current.depth, depth)
  if (!fence) current.delimiters += countDelimiters(line)
  return current
}

function finish(s: Mutable): Segment {
  const length = s.contentEnd - s.start
  const poison =
    s.poison ||
    s.depth > LIMITS.depth ||
    (s.fence ? length > LIMITS.codeChars : length > LIMITS.textChars || s.delimiters > LIMITS.delimiters)
  return {
    start: s.start,
    end: s.end,
    contentEnd: s.contentEnd,
    fence: s.fence,
    closed: s.closed,
    poison
  }
}

/** Is `raw` (a code block's source) a fence that no line has closed yet? */
export function isOpenFence(raw: string): boolean {
  const firstEnd = raw.indexOf('\n')
  const fence = FENCE.exec(containerDepth(firstEnd < 0 ? raw : raw.slice(0, firstEnd)).rest)?.[1]
  if (!fence || firstEnd < 0) return Boolean(fence)
  const body = raw.slice(firstEnd + 1).trimEnd()
  return !closesFence(body.slice(body.lastIndexOf('\n') + 1), fence)
}

function closesFence(line: string, fence: string): boolean {
  const rest = containerDepth(line).rest.trimEnd()
  return rest.length >= fence.length && rest[0] === fence[0] && /^(`+|~+)$/.test(rest)
}

/** Nesting a line opens: each `>` and list marker, and every two columns of indent. */
export function containerDepth(line: string): { depth: number; rest: string } {
  let markers = 0
  let columns = 0
  let i = 0
  for (;;) {
    const c = line[i]
    if (c === ' ') columns++
    else if (c === '\t') columns += 4
    else if (c === '>') markers++
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) markers++
    else {
      const ordered = /^\d{1,9}[.)][ \t]/.exec(line.slice(i, i + 12))
      if (!ordered) break
      markers++
      i += ordered[0].length - 1
    }
    i++
  }
  return { depth: markers + (columns >> 1), rest: line.slice(i) }
}

function countDelimiters(line: string): number {
  let n = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */) n++
  }
  return n
}

/**
 * Where to cut a plain piece of at most `max` characters from the front of
 * `text`: after a line break or a space if there is one in its second half,
 * never inside a surrogate pair.
 */
export function plainCut(text: string, max: number): number {
  if (text.length <= max) return text.length
  const window = text.slice(max >> 1, max)
  const br = window.lastIndexOf('\n')
  const space = window.lastIndexOf(' ')
  if (br >= 0) return (max >> 1) + br + 1
  if (space >= 0) return (max >> 1) + space + 1
  const code = text.charCodeAt(max - 1)
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max
}
