import { useState } from 'react'
import { messageOf } from '../../shared/message-of'

export const PREVIEW_SENTENCE = 'Hello, I am Hark. This is how your answers will sound.'

/** Speaks a sample sentence with the engine, voice and rate just chosen. */
export function VoicePreview({ blocked }: { blocked: string | null }): React.JSX.Element {
  const [note, setNote] = useState<string | null>(null)
  const play = async (): Promise<void> => {
    try {
      await window.hark.invoke('speech.say', { text: PREVIEW_SENTENCE })
      setNote('Playing a sample…')
    } catch (err) {
      setNote(messageOf(err))
    }
  }
  return (
    <div className="field inline">
      <button type="button" data-testid="voice-preview" disabled={blocked !== null} onClick={() => void play()}>
        <span aria-hidden="true">▶</span> Preview voice
      </button>
      <span className="hint" role="status" data-testid="voice-preview-note">
        {blocked ? `${blocked} Turn it on to hear a sample.` : note}
      </span>
    </div>
  )
}
