import type { VoiceStatus } from '@shared/voice-state'
import { Listeners } from '../../engine/listeners'
import type { SpeechControl } from '../speech/speech-control'

export interface VoiceControls {
  /** push-to-talk: listen, end listening, or barge-in */
  toggle(): void
  /** Talk mode's button: start it, barge-in while answering, else end it */
  talk(): void
  endTalk(): void
}

/**
 * The one owner of Hark's voice state: push-to-talk's status (published by
 * install-push-to-talk.ts) and whether Hark is speaking (the speech queue's
 * busy turns, whoever asked). Windows, the indicator and the tray subscribe here;
 * the IPC handlers toggle through it. Created in hark-app.ts, so a feature need
 * not know install order: before push-to-talk is installed it is idle and the
 * toggle does nothing.
 */
export class VoiceHub {
  private current: VoiceStatus = { state: 'idle', level: 0 }
  private controls: VoiceControls | null = null
  private speakingTurns: string[] = []
  private readonly statusListeners = new Listeners<VoiceStatus>()
  private readonly activityListeners = new Listeners<void>()
  /** the conversation the main window shows: null for a new one, undefined when it never said */
  shownConversation: string | null | undefined = undefined

  constructor(speech: Pick<SpeechControl, 'onBusy'>) {
    speech.onBusy((turns) => {
      const was = this.speaking
      this.speakingTurns = turns
      if (this.speaking !== was) this.activityListeners.emit()
    })
  }

  get status(): VoiceStatus {
    return this.current
  }

  get listening(): boolean {
    return this.current.state === 'listening'
  }

  /** the voice has something of some turn queued or sounding */
  get speaking(): boolean {
    return this.speakingTurns.length > 0
  }

  /** every push-to-talk status, level changes included */
  onStatus(listener: (status: VoiceStatus) => void): () => void {
    return this.statusListeners.add(listener)
  }

  /** only when `listening`, `speaking` or `talking` flips: what the tray shows */
  onActivity(listener: () => void): () => void {
    return this.activityListeners.add(listener)
  }

  publish(status: VoiceStatus): void {
    const was = [this.listening, this.talking]
    this.current = status
    this.statusListeners.emit(status)
    if (this.listening !== was[0] || this.talking !== was[1]) this.activityListeners.emit()
  }

  attach(controls: VoiceControls | null): void {
    this.controls = controls
  }

  /** false when push-to-talk is not available */
  toggle(): boolean {
    this.controls?.toggle()
    return this.controls !== null
  }

  /** false when Talk mode is not available */
  talk(): boolean {
    this.controls?.talk()
    return this.controls !== null
  }

  endTalk(): void {
    this.controls?.endTalk()
  }

  get talking(): boolean {
    return this.current.talk === true
  }
}
