/**
 * The segmenter is a chain of small one-pass stages. Each consumes one code
 * point at a time and keeps only what it has not decided yet, so the output
 * depends on the text alone, never on how it was chunked.
 */

/** Raw code points with their offset in the raw answer. */
export interface CharSink {
  char(ch: string, off: number): void
  end(): void
}

/** Line content, already stripped of block markers (`#`, `- `, `> `, fences). */
export interface BlockSink {
  text(ch: string, off: number): void
  /** a newline inside a paragraph: reads as a space */
  lineBreak(off: number): void
  /** a block ended (blank line, heading, list item, fence, table...) */
  hardBreak(): void
  end(): void
}

/** Line content as the block reader hands it on, with list items marked. */
export interface LineSink extends BlockSink {
  /** a list item begins (a hard break); an ordered item's marker follows as text */
  item(glyph: string | null): void
}

/** Speakable characters; `prot` marks text that must never be split (code, hosts). */
export interface SpeakSink {
  put(ch: string, off: number, prot: boolean): void
  /** forced boundary: everything pending is one utterance */
  brk(): void
  end(): void
}
