import { useCallback, useEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react'
import {
  initialQuickTurn,
  isBusy,
  isVoiceBusy,
  quickTurnReducer,
  quickView,
  type QuickStatus,
  type QuickTurn
} from './quick-turn'
import { PromptHistory } from './prompt-history'
import { SpokenAnswer } from './SpokenAnswer'
import { onShown } from './shown-signal'
import { messageOf } from '../shared/message-of'
import { warmEndpoints } from '@renderer/shared/warm-endpoints'
import { useHarkTheme } from '../shared/use-hark-theme'

const statusText: Record<QuickStatus, string> = {
  idle: 'Enter asks · Shift+Enter new line · ↑ earlier questions · Esc closes',
  asking: 'Asking… · Esc stops',
  streaming: 'Answering… · Esc stops the answer and the voice',
  done: 'Done · Esc closes',
  stopped: 'Stopped · Esc closes',
  error: 'Failed · Esc closes'
}

/** What the keys do now: while the voice still speaks a finished answer, the first Esc only silences it. */
function hintFor(quick: QuickTurn): string {
  const { status } = quickView(quick)
  const speakingOn = isVoiceBusy(quick) && (status === 'done' || status === 'stopped')
  return speakingOn
    ? `${status === 'done' ? 'Done' : 'Stopped'} · Esc silences the voice, Esc again closes`
    : statusText[status]
}

/** The quick-prompt popup: ask, read and hear the answer, hand it to the main window. */
export function QuickPrompt(): React.JSX.Element {
  const [quick, dispatch] = useReducer(quickTurnReducer, initialQuickTurn)
  const view = quickView(quick)
  const [input, setInput] = useState('')
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const [history] = useState(() => new PromptHistory())
  useHarkTheme()

  useEffect(
    () =>
      window.hark.on('turn.events', (events) => {
        const now = performance.now()
        events.forEach((event) => dispatch({ type: 'event', event, now }))
      }),
    []
  )
  useEffect(() => window.hark.on('speech.busy', ({ turns }) => dispatch({ type: 'voice', busyTurns: turns })), [])
  useEffect(
    () =>
      onShown(({ at }) => {
        const el = inputRef.current
        if (!el) return
        el.focus()
        el.select()
        // Read by the bench: shortcut callback → focused input, in ms.
        document.documentElement.dataset.focusLatencyMs = String(Date.now() - at)
      }),
    []
  )

  const ask = useCallback(
    async (prompt: string) => {
      if (!prompt.trim()) return
      history.add(prompt)
      setInput('')
      dispatch({ type: 'ask', prompt })
      try {
        const { turnId, conversationId } = await window.hark.invoke('quick.ask', { prompt })
        dispatch({ type: 'accepted', turnId, conversationId, now: performance.now() })
      } catch (err) {
        dispatch({ type: 'failed', message: messageOf(err) })
      }
    },
    [history]
  )

  // Esc stops what is going on (answer, voice); with nothing going on, it closes.
  const escape = useCallback(() => {
    if (isBusy(quick)) {
      const { turnId } = quickView(quick)
      dispatch({ type: 'stopped' })
      void window.hark.invoke('turn.stop', turnId ? { turnId } : {}).catch(() => {})
    } else {
      void window.hark.invoke('quick.hide', {}).catch(() => {})
    }
  }, [quick])

  const onKeyDown = (ev: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (ev.nativeEvent.isComposing) return
    if (ev.key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault()
      void ask(input)
    } else if (ev.key === 'ArrowUp' && ev.currentTarget.selectionStart === 0 && ev.currentTarget.selectionEnd === 0) {
      const previous = history.previous(input)
      if (previous !== null) {
        ev.preventDefault()
        setInput(previous)
      }
    } else if (ev.key === 'ArrowDown' && ev.currentTarget.selectionStart === input.length) {
      const next = history.next()
      if (next !== null) {
        ev.preventDefault()
        setInput(next)
      }
    }
  }

  useEffect(() => {
    const onKey = (ev: globalThis.KeyboardEvent): void => {
      if (ev.key === 'Escape' && !ev.isComposing) {
        ev.preventDefault()
        escape()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [escape])

  const openInHark = (): void => {
    if (view.conversationId)
      void window.hark.invoke('quick.openInMain', { conversationId: view.conversationId }).catch(() => {})
  }

  return (
    <main className="quick" data-status={view.status} data-speaking={view.speaking ?? ''}>
      <div className="drag-strip" aria-hidden="true" />
      <textarea
        id="quick-input"
        ref={inputRef}
        className="quick-input"
        rows={Math.min(4, Math.max(1, input.split('\n').length))}
        placeholder="Ask Hark…"
        aria-label="Ask Hark"
        autoFocus
        value={input}
        onChange={(e) => {
          setInput(e.target.value)
          warmEndpoints()
        }}
        onKeyDown={onKeyDown}
      />
      {view.status !== 'idle' && (
        <section className="quick-exchange" aria-label="Answer">
          <p className="quick-question">{quick.prompt}</p>
          <SpokenAnswer view={view} />
          {view.error && (
            <p className="quick-error" role="alert">
              {view.error}
            </p>
          )}
        </section>
      )}
      <footer className="quick-footer">
        <span className="quick-status" data-testid="quick-hint">
          {hintFor(quick)}
        </span>
        <button
          type="button"
          className="quick-open"
          data-testid="quick-open"
          disabled={!view.conversationId}
          onClick={openInHark}
        >
          Open in Hark
        </button>
      </footer>
    </main>
  )
}
