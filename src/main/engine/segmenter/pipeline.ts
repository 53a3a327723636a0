import { BlockReader } from './block-reader'
import { CodePointFeeder } from './code-points'
import { EmojiFilter } from './emoji-filter'
import { InlineCleaner } from './inline-cleaner'
import { ListItems } from './list-items'
import { ReasoningFilter } from './reasoning-filter'
import type { SpeakSink } from './sinks'

export interface SpeakablePipeline {
  write(chunk: string): void
  /**
   * The stream paused: text held only in case a table header follows goes on.
   * Returns whether the last word is still open, its next characters held.
   */
  pause(): boolean
  end(): void
}

/** Raw answer text → speakable characters, one pass: reasoning, emoji, blocks, list items, inline markdown. */
export function speakablePipeline(sink: SpeakSink): SpeakablePipeline {
  const inline = new InlineCleaner(sink)
  const blocks = new BlockReader(new ListItems(inline))
  const feeder = new CodePointFeeder(new ReasoningFilter(new EmojiFilter(blocks)))
  return {
    write: (chunk) => feeder.write(chunk),
    pause: () => {
      blocks.pause()
      return inline.midWord()
    },
    end: () => feeder.end()
  }
}
