import { useCallback, useEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react'
import { initialQuickTurn, isBusy, quickTurnReducer, type QuickTurn } from './quick-turn'
import { PromptHistory } from './prompt-history'
import { SpokenAnswer } from './SpokenAnswer'
import { onShown } from './shown-signal'
import { messageOf } from '../shared/message-of'
import { warmEndpoints } from '@renderer/shared/warm-endpoints'

const statusText: Record<QuickTurn['status'], string> = {
  idle: 'Enter to ask · Shift+Enter new line · ↑ previous · Esc close',
  asking: 'Asking…',
  streaming: 'Answering… Esc stops',
  done: 'Done · Esc closes',
  stopped: 'Stopped · Esc closes',
  error: 'Failed · Esc closes'
}

/** The quick-prompt popup: ask, read and hear the answer, hand it to the main window. */
export function QuickPrompt(): React.JSX.Element {
  const [turn, dispatch] = useReducer(quickTurnReducer, initialQuickTurn)
  const [input, setInput] = useState('')
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const [history] = useState(() => new PromptHistory())

  useEffect(
    () => window.hark.on('turn.events', (events) => events.forEach((event) => dispatch({ type: 'event', event }))),
    []
  )
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
        dispatch({ type: 'accepted', turnId, conversationId })
      } catch (err) {
        dispatch({ type: 'failed', message: messageOf(err) })
      }
    },
    [history]
  )

  // Esc stops what is going on (answer, voice); with nothing going on, it closes.
  const escape = useCallback(() => {
    if (isBusy(turn)) {
      dispatch({ type: 'stopped' })
      void window.hark.invoke('turn.stop', turn.turnId ? { turnId: turn.turnId } : {}).catch(() => {})
    } else {
      void window.hark.invoke('quick.hide', {}).catch(() => {})
    }
  }, [turn])

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
    if (turn.conversationId)
      void window.hark.invoke('quick.openInMain', { conversationId: turn.conversationId }).catch(() => {})
  }

  return (
    <main className="quick" data-status={turn.status} data-speaking={turn.speaking ?? ''}>
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
      {turn.status !== 'idle' && (
        <section className="quick-exchange" aria-live="polite">
          <p className="quick-question">{turn.prompt}</p>
          <SpokenAnswer turn={turn} />
          {turn.error && (
            <p className="quick-error" role="alert">
              {turn.error}
            </p>
          )}
        </section>
      )}
      <footer className="quick-footer">
        <span className="quick-status">{statusText[turn.status]}</span>
        <button type="button" className="quick-open" disabled={!turn.conversationId} onClick={openInHark}>
          Open in Hark
        </button>
      </footer>
    </main>
  )
}
