import type { Settings } from '@shared/settings'
import type { SpeechSink } from '../../engine/speech/speech-types'

/** The app's handle on the voice: what Stop, Mute and settings changes act on. */
export interface SpeechControl {
  sink: SpeechSink
  /** the turns the voice has something queued or sounding for: the window's and tray's "speaking" */
  readonly busyTurns: string[]
  onBusy(listener: (turns: string[]) => void): () => void
  stop(): void
  setMuted(muted: boolean): void
  apply(settings: Settings['speech']): void
}
