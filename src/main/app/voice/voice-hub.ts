import type { VoiceStatus } from '@shared/voice-state'
import { Listeners } from '../../engine/listeners'

/**
 * Push-to-talk as the rest of the app sees it: its state as a tiny
 * observable (the tray subscribes with `voiceHub.onStatus`) and the toggle.
 * A module-level singleton so a feature need not know install order:
 * listeners added before push-to-talk is installed just hear 'idle' first.
 */

export interface HotkeyStatus {
  accelerator: string
  registered: boolean
  /** why registration failed, for Settings and the indicator */
  error?: string
}

export interface VoiceControls {
  toggle(): void
  cancel(): void
}

type Listener = (s: VoiceStatus) => void

class VoiceHub {
  private current: VoiceStatus = { state: 'idle', level: 0 }
  private controls: VoiceControls | null = null
  private readonly listeners = new Listeners<VoiceStatus>()
  hotkey: HotkeyStatus = { accelerator: '', registered: false }
  /** the conversation the main window shows: null for a new one, undefined when it never said */
  shownConversation: string | null | undefined = undefined

  get status(): VoiceStatus {
    return this.current
  }

  /** calls `listener` with the current status at once, then on every change */
  onStatus(listener: Listener): () => void {
    const off = this.listeners.add(listener)
    listener(this.current)
    return off
  }

  publish(status: VoiceStatus): void {
    this.current = status
    this.listeners.emit(status)
  }

  attach(controls: VoiceControls | null): void {
    this.controls = controls
  }

  toggle(): boolean {
    this.controls?.toggle()
    return this.controls !== null
  }

  cancel(): void {
    this.controls?.cancel()
  }
}

export const voiceHub = new VoiceHub()
