import { useEffect, useRef } from 'react'
import { MarkdownView } from '../shared/markdown/MarkdownView'
import { SentenceAnnouncer } from '../shared/SentenceAnnouncer'
import type { QuickTurn } from './quick-turn'

/**
 * The answer rendered as the main window renders it (incremental, sanitised
 * Markdown), with the sentence being spoken marked, kept scrolled to the
 * newest words. Screen readers hear whole sentences, not tokens.
 */
export function SpokenAnswer({ turn }: { turn: QuickTurn }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (el) el.scrollTop = el.scrollHeight
  }, [turn.answer])

  const range = turn.speaking !== null ? (turn.ranges[turn.speaking] ?? null) : null
  return (
    <>
      <div id="quick-answer" ref={ref} className="quick-answer" data-testid="quick-answer">
        <MarkdownView text={turn.answer} speaking={range} />
        {turn.status === 'asking' || (turn.status === 'streaming' && !turn.answer) ? (
          <span className="thinking">Thinking…</span>
        ) : null}
      </div>
      <SentenceAnnouncer text={turn.answer} ranges={turn.ranges} testId="quick-announcer" />
    </>
  )
}
