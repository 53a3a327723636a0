import { memo } from 'react'
import type { StoredMessage } from '@shared/conversation'
import { MarkdownView } from '../../shared/markdown/MarkdownView'
import { copyText } from '../../shared/copy-text'
import { speakingRange, type LiveTurn } from '@renderer/shared/live-turn'
import { useChat, useChatStore } from '../use-chat'
import { Metrics } from './Metrics'
import { ReadAloudButton } from '../voice/ReadAloudButton'
import { ReadFromHere } from '../voice/ReadFromHere'
import { describeError, type ErrorAction } from './describe-error'
import { MessageBoundary } from './MessageBoundary'
import { SentenceAnnouncer } from '../../shared/SentenceAnnouncer'
import { VersionSwitcher } from './VersionSwitcher'
import { useNavigation } from '../navigation'
import { isArriving } from '../state/text-pieces'

interface Props {
  message: StoredMessage
  live?: LiveTurn
  /** the newest answer: it carries the `answer` test id and the Regenerate/Continue actions */
  latest: boolean
}

/** `arriving`: a saved answer whose text is still coming from main, piece by piece */
type Shown = 'streaming' | 'arriving' | StoredMessage['status']

export const AssistantMessage = memo(function AssistantMessage({ message, live, latest }: Props): React.JSX.Element {
  const text = live ? live.base + live.text : message.content
  const reasoning = live?.reasoning || message.reasoning || ''
  const arriving = useChat((s) => isArriving(s.cut, message))
  const status: Shown = live ? liveStatus(live) : arriving ? 'arriving' : message.status
  const error = live?.error ?? message.error ?? null
  const streaming = status === 'streaming'
  // Read aloud's ranges point into the saved text, which is what a finished answer shows.
  const reading = useChat((s) => (s.reading?.messageId === message.id ? s.reading.turn : null))
  const spoken = reading ? speakingRange(reading) : live ? speakingRange(live) : null
  const model = message.model ?? live?.model ?? null

  return (
    <div className={`message assistant ${status}`} data-status={status}>
      <h2 className="sr-only">Hark</h2>
      {live && (
        <SentenceAnnouncer text={live.text} ranges={live.ranges} testId={latest ? 'answer-announcer' : undefined} />
      )}
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
        <ReadFromHere messageId={message.id} text={text}>
          <MarkdownView text={text} speaking={spoken} testId={latest ? 'answer' : undefined} />
        </ReadFromHere>
      </MessageBoundary>
      {live?.notice && streaming && <div className="turn-notice">{live.notice}</div>}
      <StatusLine status={status} error={error} latest={latest} />
      {!streaming && !arriving && (
        <div className="row-actions answer-actions">
          <VersionSwitcher message={message} />
          {latest && <AnswerActions status={status} hasText={text.trim() !== ''} />}
          {text && (
            <button type="button" data-testid="copy-answer" onClick={() => void copyText(text)}>
              Copy
            </button>
          )}
          {text.trim() && <ReadAloudButton messageId={message.id} />}
          {model && (
            <span className="answer-model" data-testid="answer-model" title="The model that wrote this answer">
              {model}
            </span>
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

/** Retry after a failure, Continue an unfinished answer, Regenerate any other: on the answer's one row. */
function AnswerActions({ status, hasText }: { status: Shown; hasText: boolean }): React.JSX.Element {
  const store = useChatStore()
  return (
    <>
      {status === 'error' && (
        <button type="button" data-testid="retry-button" onClick={() => void store.regenerate()}>
          Retry
        </button>
      )}
      {status !== 'complete' && hasText && (
        <button type="button" data-testid="continue-button" onClick={() => void store.continueAnswer()}>
          Continue
        </button>
      )}
      {status !== 'error' && (
        <button type="button" data-testid="regenerate-button" onClick={() => void store.regenerate()}>
          Regenerate
        </button>
      )}
    </>
  )
}

/** What happened to an answer that did not finish, in one sentence, with the one button that fixes it. */
function StatusLine(props: {
  status: Shown
  error: StoredMessage['error'] | null
  latest: boolean
}): React.JSX.Element | null {
  const { status, error, latest } = props
  if (status === 'complete' || status === 'streaming' || status === 'arriving') return null
  const copy =
    status === 'error'
      ? describeError(error?.kind, error?.message)
      : {
          sentence:
            status === 'interrupted' ? (error?.message ?? 'This answer was interrupted when Hark closed.') : 'Stopped.',
          action: null
        }
  return (
    <div className={`status-line ${status}`}>
      <p
        role={status === 'error' ? 'alert' : undefined}
        data-testid={status === 'error' && latest ? 'error-message' : undefined}
      >
        {copy.sentence}
      </p>
      {latest && copy.action && <ErrorActionButton action={copy.action} />}
    </div>
  )
}

function ErrorActionButton({ action }: { action: ErrorAction }): React.JSX.Element {
  const store = useChatStore()
  const { openSettings } = useNavigation()
  const run = (): void => (action.type === 'open-settings' ? openSettings(action.section) : void store.select(null))
  return (
    <button type="button" className="primary" data-testid="error-action" onClick={run}>
      {action.label}
    </button>
  )
}
