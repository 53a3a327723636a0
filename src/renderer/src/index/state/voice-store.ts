import type { HarkBridge } from '@shared/ipc/bridge'
import type { VoiceStatus } from '@shared/voice-state'
import type { Settings } from '@shared/settings'
import { ExternalStore } from './external-store'

/**
 * The main window's view of Hark's voice, all of it owned by main: the voice
 * hub's status (listening, transcribing, thinking, speaking, Talk mode), the
 * turns the speech queue is busy with, and the remembered mute setting. The
 * window only mirrors them; every action goes back to main.
 */
export interface VoiceViewState {
  status: VoiceStatus
  /** turns the voice has something queued or sounding for */
  busyTurns: string[]
  muted: boolean
  /** answers are spoken: speech enabled, an engine chosen, not muted */
  speechOn: boolean
}

export class VoiceStore extends ExternalStore<VoiceViewState> {
  private disposers: Array<() => void> = []

  constructor(private readonly hark: HarkBridge) {
    super({ status: { state: 'idle', level: 0 }, busyTurns: [], muted: false, speechOn: true })
  }

  start(): void {
    const hark = this.hark
    this.disposers.push(
      hark.on('voice.state', (status) => this.set({ status })),
      hark.on('speech.busy', ({ turns }) => this.set({ busyTurns: turns })),
      hark.on('settings.changed', (s) => this.followSettings(s))
    )
    void hark
      .invoke('voice.status', {})
      .then(({ status }) => this.state.status.state === 'idle' && this.set({ status }))
      .catch(() => {})
    void hark
      .invoke('speech.busy', {})
      .then(({ turns }) => this.set({ busyTurns: turns }))
      .catch(() => {})
    void hark
      .invoke('settings.get', {})
      .then(({ settings }) => this.followSettings(settings))
      .catch(() => {})
  }

  dispose(): void {
    this.disposers.splice(0).forEach((d) => d())
  }

  private followSettings({ speech }: Settings): void {
    this.set({ muted: speech.muted, speechOn: speech.enabled && speech.engine !== 'none' && !speech.muted })
  }

  get speaking(): boolean {
    return this.state.busyTurns.length > 0
  }

  /**
   * The voice obeys at once; then it is remembered in the settings, so the tray's
   * Mute shows the same (saving waits for the disk, which must not delay the silence).
   */
  async setMuted(muted: boolean): Promise<void> {
    this.set({ muted, speechOn: this.state.speechOn && !muted })
    await this.hark.invoke('speech.setMuted', { muted })
    await this.hark.invoke('settings.set', { speech: { muted } })
  }

  /** The mic button: push-to-talk's own toggle, the same path as the hotkey. */
  async toggleListening(): Promise<void> {
    await this.hark.invoke('voice.toggle', {})
  }

  /** Talk mode's button: starts it; while Hark answers, barge-in; otherwise ends it. */
  async toggleTalk(): Promise<void> {
    await this.hark.invoke('voice.talk', {})
  }

  async endTalk(): Promise<void> {
    await this.hark.invoke('voice.endTalk', {})
  }

  async stopVoice(): Promise<void> {
    await this.hark.invoke('speech.stop', {})
  }
}
