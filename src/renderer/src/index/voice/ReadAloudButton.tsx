import { useChat, useChatStore } from '../use-chat'
import { useVoice, useVoiceStore } from '../use-voice'

/** Read aloud, on every answer (old ones too); Stop while the voice reads this one. */
export function ReadAloudButton({ messageId }: { messageId: string }): React.JSX.Element {
  const store = useChatStore()
  const voice = useVoiceStore()
  const readingId = useChat((s) => (s.reading?.messageId === messageId ? s.reading.turn.turnId : null))
  const reading = useVoice((s) => readingId !== null && s.busyTurns.includes(readingId))
  return reading ? (
    <button type="button" data-testid="read-aloud-stop" onClick={() => void voice.stopVoice().catch(() => {})}>
      Stop reading
    </button>
  ) : (
    <button type="button" data-testid="read-aloud" onClick={() => void store.readAloud(messageId)}>
      Read aloud
    </button>
  )
}
