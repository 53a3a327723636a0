import { BlockReader } from './block-reader'
import { CodePointFeeder } from './code-points'
import { EmojiFilter } from './emoji-filter'
import { InlineCleaner } from './inline-cleaner'
import { ReasoningFilter } from './reasoning-filter'
import type { SpeakSink } from './sinks'

/** Raw answer text → speakable characters, one pass: reasoning, emoji, blocks, inline markdown. */
export function speakablePipeline(sink: SpeakSink): CodePointFeeder {
  return new CodePointFeeder(new ReasoningFilter(new EmojiFilter(new BlockReader(new InlineCleaner(sink)))))
}
