import type { VoiceStatus } from '@shared/voice-state'
import type { SpeechSink } from '../../engine/speech/speech-types'
import { Listeners } from '../../engine/listeners'
import { SpeakingTracker } from './speaking-tracker'

export interface VoiceControls {
  toggle(): void
}

/**
 * The one owner of Hark's voice state: push-to-talk's status (published by
 * install-push-to-talk.ts) and whether Hark is speaking (from the speech
 * queue, whoever asked). Windows, the indicator and the tray subscribe here;
 * the IPC handlers toggle through it. Created in hark-app.ts, so a feature need
 * not know install order: before push-to-talk is installed it is idle and the
 * toggle does nothing.
 */
export class VoiceHub {
  private current: VoiceStatus = { state: 'idle', level: 0 }
  private controls: VoiceControls | null = null
  private readonly speakingNow = new SpeakingTracker()
  private readonly statusListeners = new Listeners<VoiceStatus>()
  private readonly activityListeners = new Listeners<void>()
  /** the conversation the main window shows: null for a new one, undefined when it never said */
  shownConversation: string | null | undefined = undefined

  constructor(speech: Pick<SpeechSink, 'onEvent'>) {
    speech.onEvent((e) => {
      if (this.speakingNow.update(e)) this.activityListeners.emit()
    })
  }

  get status(): VoiceStatus {
    return this.current
  }

  get listening(): boolean {
    return this.current.state === 'listening'
  }

  /** some utterance, of any turn, has started and not yet ended */
  get speaking(): boolean {
    return this.speakingNow.speaking
  }

  /** every push-to-talk status, level changes included */
  onStatus(listener: (status: VoiceStatus) => void): () => void {
    return this.statusListeners.add(listener)
  }

  /** only when `listening` or `speaking` flips: what the tray shows */
  onActivity(listener: () => void): () => void {
    return this.activityListeners.add(listener)
  }

  publish(status: VoiceStatus): void {
    const wasListening = this.listening
    this.current = status
    this.statusListeners.emit(status)
    if (this.listening !== wasListening) this.activityListeners.emit()
  }

  /** Stop was pressed: whatever the queue reports later, nothing is playing now. */
  silence(): void {
    if (this.speakingNow.reset()) this.activityListeners.emit()
  }

  attach(controls: VoiceControls | null): void {
    this.controls = controls
  }

  /** false when push-to-talk is not available */
  toggle(): boolean {
    this.controls?.toggle()
    return this.controls !== null
  }
}
