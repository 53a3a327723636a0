import type { TurnEvent } from '../../../shared/turn-events'
import type { Segmenter, SegmenterOptions } from '../segmenter/utterance'
import type { SpeechSink } from './speech-types'

export interface ReadAloudDeps {
  createSegmenter: (opts: SegmenterOptions) => Segmenter
  speech: SpeechSink
  emit: (e: TurnEvent) => void
}

/**
 * Reads a saved answer aloud: cut with the same segmenter as a live answer
 * (so ranges point into the raw text and the highlight works), from the
 * sentence that holds character `from` on, and spoken through the one queue.
 * It reports what a live turn does: an `utterance` event per sentence, and
 * the queue's own `speech` events follow. Returns how many it queued.
 */
export function readAloud(turnId: string, text: string, from: number, deps: ReadAloudDeps): number {
  const segmenter = deps.createSegmenter({ firstFragment: false })
  const utterances = [...segmenter.push(text), ...segmenter.flush()].filter((u) => u.range[1] > from)
  for (const u of utterances) {
    deps.emit({ type: 'utterance', turnId, index: u.index, text: u.text, range: u.range })
    deps.speech.enqueue({ turnId, index: u.index, text: u.text })
  }
  return utterances.length
}
