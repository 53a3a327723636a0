import { useEffect, useRef, useState } from 'react'
import { useChat, useChatStore } from '../use-chat'
import { useVoice, useVoiceStore } from '../use-voice'
import { runningTurnOf } from '../state/chat-store'
import { ComposerVoiceState } from '../voice/ComposerVoiceState'
import { warmEndpoints } from '@renderer/shared/warm-endpoints'

/**
 * The question box: Enter asks, Shift+Enter breaks the line. While the answer
 * streams or the voice speaks, Ask is Stop; it and Esc (anywhere) end whatever
 * is active (Talk mode too), and the text stays. A question typed while only
 * the voice speaks is still asked with Enter, which silences the voice first
 * (the main process stops it as a new turn starts, like barge-in).
 */
export function Composer(): React.JSX.Element {
  const store = useChatStore()
  const voice = useVoiceStore()
  const [prompt, setPrompt] = useState('')
  const streaming = useChat((s) => runningTurnOf(s) !== undefined)
  const speaking = useVoice((s) => s.busyTurns.length > 0)
  const talking = useVoice((s) => s.status.talk === true)
  const actionError = useChat((s) => s.actionError)
  const input = useRef<HTMLTextAreaElement>(null)
  const form = useRef<HTMLFormElement>(null)
  const showStop = streaming || speaking

  useEffect(() => {
    const onKey = (ev: KeyboardEvent): void => {
      if (ev.key !== 'Escape' || ev.isComposing || ev.defaultPrevented) return
      const talk = voice.getSnapshot().status.talk === true
      if (talk) void voice.endTalk().catch(() => {})
      if (talk || store.runningTurn() || voice.speaking) void store.stop()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, voice])

  const ask = async (): Promise<void> => {
    const text = prompt
    if (streaming) return
    if (!text.trim()) return input.current?.focus()
    setPrompt('')
    if (!(await store.ask(text))) setPrompt(text) // keep what was typed when the ask fails
    returnFocus()
  }

  // Back to the question box, unless the user has moved on while the answer started (a key pressed meanwhile).
  const returnFocus = (): void => {
    const at = document.activeElement
    if (at === null || at === document.body || form.current?.contains(at)) input.current?.focus()
  }

  return (
    <form ref={form} className="composer" onSubmit={(ev) => (ev.preventDefault(), void ask())}>
      {actionError && (
        <p role="alert" className="action-error" data-testid="error-message">
          {actionError}
        </p>
      )}
      <div className="composer-box">
        <ComposerVoiceState />
        <textarea
          ref={input}
          data-testid="prompt-input"
          value={prompt}
          placeholder={talking ? 'Talk mode: just speak (Esc ends it)' : 'Ask Hark anything…'}
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
        {showStop ? (
          <button
            type="button"
            className="stop"
            data-testid="stop-button"
            onClick={() => void store.stop()}
            title={streaming ? 'Stop the answer (Esc)' : 'Stop the voice (Esc)'}
          >
            Stop
          </button>
        ) : (
          <button type="submit" className="primary" data-testid="ask-button">
            Ask
          </button>
        )}
      </div>
    </form>
  )
}
