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
  /** utterance ranges in `text`, by index (a live turn's append-only ranges) */
  ranges: ReadonlyArray<[number, number] | undefined>
  testId?: string
}): React.JSX.Element {
  const count = ranges.length
  const [shown, setShown] = useState({ from: 0, to: 0 })
  useEffect(() => {
    setShown((s) => (count > s.to ? { from: s.to, to: count } : count < s.to ? { from: 0, to: 0 } : s))
  }, [count])
  const spoken = sentencesOf(text, ranges, shown.from, shown.to).join(' ')
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {spoken}
    </div>
  )
}

/**
 * The text of utterances [from, to), without the Markdown marks a screen reader would read out.
 * Only the ones being announced are read: a long answer's earlier sentences cost nothing.
 */
function sentencesOf(
  text: string,
  ranges: ReadonlyArray<[number, number] | undefined>,
  from: number,
  to: number
): string[] {
  const sentences: string[] = []
  for (let i = from; i < Math.min(to, ranges.length); i++) {
    const range = ranges[i]
    if (range)
      sentences.push(
        text
          .slice(range[0], range[1])
          .replace(/[*_#`>|]+/g, '')
          .trim()
      )
  }
  return sentences
}
