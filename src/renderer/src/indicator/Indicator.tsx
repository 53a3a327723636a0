import type { VoiceState } from '@shared/voice-state'
import { useVoiceStatus } from './use-voice-status'

const LABELS: Record<VoiceState, string> = {
  idle: 'Ready',
  listening: 'Listening…',
  transcribing: 'Transcribing…',
  thinking: 'Thinking…',
  speaking: 'Speaking'
}

const BARS = 12

/** State word, a live level meter while listening, and a button that toggles (stop / barge-in). */
export function Indicator(): React.JSX.Element {
  const { state, level, message, talk } = useVoiceStatus()
  const lit = Math.round(level * BARS)
  return (
    <div
      className={`pill state-${state}`}
      role="status"
      aria-live="polite"
      data-state={state}
      data-talk={talk === true}
    >
      <span className="dot" aria-hidden="true" />
      <span className="label">
        {talk ? 'Talk · ' : ''}
        {state === 'idle' && message ? message : LABELS[state]}
      </span>
      {state === 'listening' && (
        <span className="meter" aria-label={`input level ${Math.round(level * 100)}%`} data-level={level.toFixed(2)}>
          {Array.from({ length: BARS }, (_, i) => (
            <span key={i} className={i < lit ? 'bar on' : 'bar'} />
          ))}
        </span>
      )}
      <button
        type="button"
        className="toggle"
        title={state === 'listening' ? 'Stop listening' : 'Talk'}
        onClick={() => void window.hark.invoke('voice.toggle', {}).catch(() => {})}
      >
        {state === 'listening' ? '■' : '●'}
      </button>
    </div>
  )
}
