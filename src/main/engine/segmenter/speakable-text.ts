import { speakablePipeline } from './pipeline'
import { hasWord } from './scripts'
import type { SpeakSink } from './sinks'
import { tidy } from './tidy'

/** Collects speakable characters; a block break becomes a newline. */
class TextCollector implements SpeakSink {
  readonly blocks: string[] = []
  private current = ''

  put(ch: string): void {
    this.current += ch
  }

  brk(): void {
    const block = this.current.replace(/\s+/gu, ' ').trim()
    if (hasWord(block)) this.blocks.push(tidy(block))
    this.current = ''
  }

  end(): void {
    this.brk()
  }
}

/**
 * What the voice would say of a whole answer, one block per line, without
 * sentence splitting: the segmenter's utterances, joined, read the same.
 */
export function speakableText(raw: string): string {
  const collector = new TextCollector()
  const feeder = speakablePipeline(collector)
  feeder.write(raw)
  feeder.end()
  return collector.blocks.join('\n')
}
