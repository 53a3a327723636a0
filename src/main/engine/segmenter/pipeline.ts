import { BlockReader } from './block-reader'
import { CodePointFeeder } from './code-points'
import { EmojiFilter } from './emoji-filter'
import { InlineCleaner } from './inline-cleaner'
import { ListItems } from './list-items'
import { ReasoningFilter } from './reasoning-filter'
import type { SpeakSink } from './sinks'

export interface SpeakablePipeline {
  write(chunk: string): void
  /** the stream paused: text held only in case a table header follows goes on */
  pause(): void
  end(): void
}

/** Raw answer text → speakable characters, one pass: reasoning, emoji, blocks, list items, inline markdown. */
export function speakablePipeline(sink: SpeakSink): SpeakablePipeline {
  const blocks = new BlockReader(new ListItems(new InlineCleaner(sink)))
  const feeder = new CodePointFeeder(new ReasoningFilter(new EmojiFilter(blocks)))
  return {
    write: (chunk) => feeder.write(chunk),
    pause: () => blocks.pause(),
    end: () => feeder.end()
  }
}
