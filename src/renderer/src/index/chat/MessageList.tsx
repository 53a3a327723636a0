import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { StoredMessage } from '@shared/conversation'
import { useFollowScroll } from '../../shared/use-follow-scroll'
import { useChat } from '../use-chat'
import { AssistantMessage } from './AssistantMessage'
import { UserMessage } from './UserMessage'
import { MessageBoundary } from './MessageBoundary'

const NO_MESSAGES: StoredMessage[] = []

/** The open conversation, virtualised: only the rows near the viewport are in the DOM. */
export function MessageList(): React.JSX.Element {
  const messages = useChat((s) => s.current?.messages ?? NO_MESSAGES)
  const live = useChat((s) => s.live)
  const scroller = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const { following, jumpToLatest } = useFollowScroll(scroller, content)
  const latestAnswer = findLastIndex(messages, (m) => m.role === 'assistant')

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (messages[i]?.role === 'user' ? 64 : 240),
    getItemKey: (i) => messages[i]?.id ?? i,
    overscan: 4
  })

  const items = virtualizer.getVirtualItems()
  // Rows stay in normal flow between two spacers: a growing answer never moves
  // or re-lays-out the rows around it (absolute rows would be re-laid-out on every resize).
  const before = items[0]?.start ?? 0
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0))

  return (
    <div className="message-scroller" ref={scroller} tabIndex={-1} data-testid="message-list">
      <div className="message-list" ref={content} style={{ paddingTop: before, paddingBottom: after }}>
        {items.map((row) => {
          const m = messages[row.index]!
          return (
            <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className="message-row">
              <MessageBoundary text={m.content}>
                {m.role === 'user' ? (
                  <UserMessage message={m} />
                ) : (
                  <AssistantMessage
                    message={m}
                    live={m.turnId ? live[m.turnId] : undefined}
                    latest={row.index === latestAnswer}
                  />
                )}
              </MessageBoundary>
            </div>
          )
        })}
      </div>
      {latestAnswer < 0 && <div data-testid="answer" hidden />}
      {!following && (
        <button type="button" className="jump-latest" data-testid="jump-latest" onClick={jumpToLatest}>
          ↓ Jump to latest
        </button>
      )}
    </div>
  )
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i
  return -1
}
