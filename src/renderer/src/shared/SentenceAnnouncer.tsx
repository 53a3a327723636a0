import { useEffect, useState } from 'react'
import { sentenceAnnouncement } from './sentence-announcement'
import './sr-only.css'

/**
 * A polite live region for a streaming answer: it announces each sentence
 * once the segmenter has cut it (its utterance ranges), never the tokens.
 * Sentences that arrive together are announced together.
 */
export function SentenceAnnouncer({
  text,
  ranges,
  testId
}: {
  text: string
  /** utterance ranges in `text`, by index (append-only) */
  ranges: ReadonlyArray<readonly [number, number] | undefined>
  testId?: string
}): React.JSX.Element {
  const count = ranges.length
  const [shown, setShown] = useState({ from: 0, to: 0 })
  useEffect(() => {
    setShown((s) => (count > s.to ? { from: s.to, to: count } : count < s.to ? { from: 0, to: 0 } : s))
  }, [count])
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {sentenceAnnouncement(text, ranges, shown.from, shown.to)}
    </div>
  )
}
