import { useEffect, useRef, useState } from 'react'
import { useChat, useChatStore } from '../use-chat'
import { runningTurnOf } from '../state/chat-store'
import { warmEndpoints } from '@renderer/shared/warm-endpoints'

/** The question box: Enter asks, Shift+Enter breaks the line, Esc (anywhere) stops. */
export function Composer(): React.JSX.Element {
  const store = useChatStore()
  const [prompt, setPrompt] = useState('')
  const busy = useChat((s) => runningTurnOf(s) !== undefined)
  const actionError = useChat((s) => s.actionError)
  const input = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const onKey = (ev: KeyboardEvent): void => {
      if (ev.key === 'Escape' && store.runningTurn()) void store.stop()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])

  const ask = async (): Promise<void> => {
    const text = prompt
    if (busy) return
    if (!text.trim()) return input.current?.focus()
    setPrompt('')
    if (!(await store.ask(text))) setPrompt(text) // keep what was typed when the ask fails
    input.current?.focus()
  }

  return (
    <form className="composer" onSubmit={(ev) => (ev.preventDefault(), void ask())}>
      {actionError && (
        <p role="alert" className="action-error" data-testid="error-message">
          {actionError}
        </p>
      )}
      <div className="composer-box">
        <textarea
          ref={input}
          data-testid="prompt-input"
          value={prompt}
          placeholder="Ask Hark anything…"
          rows={2}
          autoFocus
          onChange={(ev) => {
            setPrompt(ev.target.value)
            warmEndpoints()
          }}
          onKeyDown={(ev) => {
            if (ev.key === 'Enter' && !ev.shiftKey && !ev.nativeEvent.isComposing) {
              ev.preventDefault()
              void ask()
            }
          }}
        />
        {busy ? (
          <button
            type="button"
            className="stop"
            data-testid="stop-button"
            onClick={() => void store.stop()}
            title="Stop (Esc)"
          >
            Stop
          </button>
        ) : (
          <button type="button" className="stop" data-testid="stop-button" disabled>
            Stop
          </button>
        )}
        <button type="submit" className="primary" data-testid="ask-button" disabled={busy}>
          Ask
        </button>
      </div>
    </form>
  )
}
