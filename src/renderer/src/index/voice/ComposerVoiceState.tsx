import type { VoiceState } from '@shared/voice-state'
import { useVoice, useVoiceStore } from '../use-voice'

const LABELS: Record<Exclude<VoiceState, 'idle'>, string> = {
  listening: 'Listening…',
  transcribing: 'Transcribing…',
  thinking: 'Thinking…',
  speaking: 'Speaking'
}

const BARS = 10

/**
 * The voice's state in the composer, from the voice hub (the same status the
 * indicator and the tray follow), and the mic button: push-to-talk's own
 * toggle, so it starts, ends or barges in exactly as the hotkey does.
 */
export function ComposerVoiceState(): React.JSX.Element {
  const voice = useVoiceStore()
  const state = useVoice((s) => s.status.state)
  const level = useVoice((s) => s.status.level)
  const talk = useVoice((s) => s.status.talk === true)
  const speaking = useVoice((s) => s.busyTurns.length > 0)
  const shown: VoiceState = state === 'idle' && speaking ? 'speaking' : state
  const lit = Math.round(level * BARS)
  return (
    <div className="composer-voice" data-testid="voice-state" data-state={shown} role="status" aria-live="polite">
      <button
        type="button"
        className={`mic ${state === 'listening' ? 'on' : ''}`}
        data-testid="mic-button"
        aria-pressed={state === 'listening'}
        title={state === 'listening' ? 'Stop listening' : 'Speak a question'}
        onClick={() => void voice.toggleListening().catch(() => {})}
      >
        🎙
      </button>
      {shown !== 'idle' && <span className="voice-label">{(talk ? 'Talk · ' : '') + LABELS[shown]}</span>}
      {state === 'listening' && (
        <span className="meter" aria-label={`input level ${Math.round(level * 100)}%`} data-level={level.toFixed(2)}>
          {Array.from({ length: BARS }, (_, i) => (
            <span key={i} className={i < lit ? 'bar on' : 'bar'} />
          ))}
        </span>
      )}
    </div>
  )
}
