import { useEffect, useRef } from 'react'
import { MarkdownView } from '../shared/markdown/MarkdownView'
import { SentenceAnnouncer } from '../shared/SentenceAnnouncer'
import type { QuickView } from './quick-turn'

/**
 * The answer rendered as the main window renders it (incremental, sanitised
 * Markdown), with the sentence being spoken marked, kept scrolled to the
 * newest words. Screen readers hear whole sentences, not tokens.
 */
export function SpokenAnswer({ view }: { view: QuickView }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (el) el.scrollTop = el.scrollHeight
  }, [view.answer])

  return (
    <>
      <div id="quick-answer" ref={ref} className="quick-answer" data-testid="quick-answer">
        <MarkdownView text={view.answer} speaking={view.spoken} />
        {view.status === 'asking' || (view.status === 'streaming' && !view.answer) ? (
          <span className="thinking">Thinking…</span>
        ) : null}
      </div>
      <SentenceAnnouncer text={view.answer} ranges={view.ranges} testId="quick-announcer" />
    </>
  )
}
