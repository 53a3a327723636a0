import { useEffect, useState } from 'react'
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
  /** utterance ranges in `text`, by index */
  ranges: Record<number, [number, number]>
  testId?: string
}): React.JSX.Element {
  const count = Object.keys(ranges).length
  const [shown, setShown] = useState({ from: 0, to: 0 })
  useEffect(() => {
    setShown((s) => (count > s.to ? { from: s.to, to: count } : count < s.to ? { from: 0, to: 0 } : s))
  }, [count])
  const spoken = sentencesOf(text, ranges).slice(shown.from, shown.to).join(' ')
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {spoken}
    </div>
  )
}

/** The utterances' text in order, without the Markdown marks a screen reader would read out. */
function sentencesOf(text: string, ranges: Record<number, [number, number]>): string[] {
  return Object.entries(ranges)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, [start, end]]) =>
      text
        .slice(start, end)
        .replace(/[*_#`>|]+/g, '')
        .trim()
    )
}
