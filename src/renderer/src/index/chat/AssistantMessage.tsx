import { memo } from 'react'
import type { StoredMessage } from '@shared/conversation'
import { MarkdownView } from '../../shared/markdown/MarkdownView'
import { copyText } from '../../shared/copy-text'
import { speakingRange, type LiveTurn } from '@renderer/shared/live-turn'
import { useChatStore } from '../use-chat'
import { Metrics } from './Metrics'
import { describeError } from './describe-error'
import { MessageBoundary } from './MessageBoundary'

interface Props {
  message: StoredMessage
  live?: LiveTurn
  /** the newest answer: it carries the `answer` test id and the Regenerate/Continue actions */
  latest: boolean
}

type Shown = 'streaming' | StoredMessage['status']

export const AssistantMessage = memo(function AssistantMessage({ message, live, latest }: Props): React.JSX.Element {
  const store = useChatStore()
  const text = live ? live.base + live.text : message.content
  const reasoning = live?.reasoning || message.reasoning || ''
  const status: Shown = live ? liveStatus(live) : message.status
  const error = live?.error ?? message.error ?? null
  const streaming = status === 'streaming'

  return (
    <div className={`message assistant ${status}`} data-status={status}>
      {reasoning && (
        <details className="reasoning">
          <summary>{streaming && !text ? 'Thinking…' : 'Reasoning'}</summary>
          <div className="reasoning-text">{reasoning}</div>
        </details>
      )}
      {streaming && !text && !reasoning && (
        <div className="typing" aria-label="Waiting for the answer">
          <span />
          <span />
          <span />
        </div>
      )}
      <MessageBoundary text={text}>
        <MarkdownView text={text} speaking={live ? speakingRange(live) : null} testId={latest ? 'answer' : undefined} />
      </MessageBoundary>
      {live?.notice && streaming && <div className="turn-notice">{live.notice}</div>}
      <StatusLine status={status} error={error} latest={latest} hasText={text.trim() !== ''} />
      {!streaming && (
        <div className="row-actions">
          {text && (
            <button type="button" data-testid="copy-answer" onClick={() => void copyText(text)}>
              Copy
            </button>
          )}
          {latest && status === 'complete' && (
            <button type="button" data-testid="regenerate-button" onClick={() => void store.regenerate()}>
              Regenerate
            </button>
          )}
        </div>
      )}
      {status === 'complete' && <Metrics message={message} live={live} />}
    </div>
  )
})

function liveStatus(live: LiveTurn): Shown {
  if (live.status === 'streaming') return 'streaming'
  if (live.status === 'done') return 'complete'
  if (live.status === 'stopped') return 'partial'
  return 'error'
}

function StatusLine(props: {
  status: Shown
  error: StoredMessage['error'] | null
  latest: boolean
  hasText: boolean
}): React.JSX.Element | null {
  const store = useChatStore()
  const { status, error, latest, hasText } = props
  if (status === 'complete' || status === 'streaming') return null
  const note =
    status === 'error'
      ? describeError(error?.kind, error?.message)
      : status === 'interrupted'
        ? 'This answer was interrupted when Hark closed.'
        : 'Stopped.'
  return (
    <div className={`status-line ${status}`}>
      <p
        role={status === 'error' ? 'alert' : undefined}
        data-testid={status === 'error' && latest ? 'error-message' : undefined}
      >
        {note}
      </p>
      {latest && (
        <div className="row-actions">
          {status === 'error' && (
            <button type="button" data-testid="retry-button" onClick={() => void store.regenerate()}>
              Retry
            </button>
          )}
          {hasText && (
            <button type="button" data-testid="continue-button" onClick={() => void store.continueAnswer()}>
              Continue
            </button>
          )}
          {status !== 'error' && (
            <button type="button" data-testid="regenerate-button" onClick={() => void store.regenerate()}>
              Regenerate
            </button>
          )}
        </div>
      )}
    </div>
  )
}
