import { useEffect, useRef } from 'react'
import type { QuickTurn } from './quick-turn'

/**
 * The answer as plain text (never HTML: model output is untrusted), with the
 * sentence being spoken marked, kept scrolled to the newest words.
 */
export function SpokenAnswer({ turn }: { turn: QuickTurn }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (el) el.scrollTop = el.scrollHeight
  }, [turn.answer])

  const range = turn.speaking !== null ? turn.ranges[turn.speaking] : undefined
  const text = turn.answer
  return (
    <div id="quick-answer" ref={ref} className="quick-answer">
      {range ? (
        <>
          {text.slice(0, range[0])}
          <mark className="spoken">{text.slice(range[0], range[1])}</mark>
          {text.slice(range[1])}
        </>
      ) : (
        text
      )}
      {turn.status === 'asking' || (turn.status === 'streaming' && !text) ? <span className="thinking">…</span> : null}
    </div>
  )
}
