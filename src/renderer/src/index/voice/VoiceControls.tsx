import { useVoice, useVoiceStore } from '../use-voice'
import './voice.css'

/** The header's voice controls: the speaker (mute, remembered, the tray's Mute too) and Talk mode. */
export function VoiceControls(): React.JSX.Element {
  const voice = useVoiceStore()
  const muted = useVoice((s) => s.muted)
  const talk = useVoice((s) => s.status.talk === true)
  return (
    <div className="voice-controls">
      <button
        type="button"
        className={`talk ${talk ? 'on' : ''}`}
        data-testid="talk-toggle"
        aria-pressed={talk}
        title={talk ? 'End Talk mode (Esc)' : 'Talk: a hands-free conversation'}
        onClick={() => void voice.toggleTalk().catch(() => {})}
      >
        {talk ? 'End talk' : 'Talk'}
      </button>
      <button
        type="button"
        className="speaker"
        data-testid="speaker-toggle"
        aria-pressed={muted}
        aria-label={muted ? 'Unmute the voice' : 'Mute the voice'}
        title={muted ? 'Unmute the voice' : 'Mute the voice'}
        onClick={() => void voice.setMuted(!muted).catch(() => {})}
      >
        {muted ? '🔇' : '🔊'}
      </button>
    </div>
  )
}
