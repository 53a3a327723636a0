import type { VoiceState, VoiceStatus } from '../../../shared/voice-state'
import { Listeners } from '../listeners'

/**
 * Talk mode, a hands-free conversation on top of push-to-talk: listen, answer
 * aloud, and once the voice has finished (push-to-talk goes idle only when the
 * speech queue says the turn's voice is done, so Hark never listens while it
 * speaks) listen again, until the user ends it. Push-to-talk going idle with a
 * message (heard nothing for the set time, a failed transcription, no mic, a
 * dropped stream) ends the mode: that message was said once, and nothing
 * loops. The push-to-talk chime marks each turn.
 */

/** The part of PushToTalk that Talk mode drives. */
export interface TalkPushToTalk {
  readonly status: VoiceStatus
  onStatus(listener: (status: VoiceStatus) => void): () => void
  /** idle: listen; listening: end listening; otherwise barge-in */
  toggle(): void
  cancel(): void
}

const ANSWERING: readonly VoiceState[] = ['thinking', 'speaking']

export class TalkMode {
  private on = false
  private previous: VoiceState
  private readonly statusListeners = new Listeners<VoiceStatus>()
  private readonly offStatus: () => void

  constructor(
    private readonly ptt: TalkPushToTalk,
    /** runs `fn` after the status being told has reached every listener */
    private readonly defer: (fn: () => void) => void = queueMicrotask
  ) {
    this.previous = ptt.status.state
    this.offStatus = ptt.onStatus((s) => this.follow(s))
  }

  get active(): boolean {
    return this.on
  }

  /** push-to-talk's status with `talk` set while the mode is on: what the hub publishes */
  get status(): VoiceStatus {
    return this.on ? { ...this.ptt.status, talk: true } : this.ptt.status
  }

  onStatus(listener: (status: VoiceStatus) => void): () => void {
    return this.statusListeners.add(listener)
  }

  /** The Talk button or hotkey: starts the mode; while Hark answers, barge-in; otherwise ends it. */
  press(): void {
    if (!this.on) return this.start()
    if (ANSWERING.includes(this.ptt.status.state)) this.ptt.toggle()
    else this.end()
  }

  /** Esc, the tray, quitting: the mode ends and whatever it was doing stops. */
  end(): void {
    if (!this.on) return
    this.on = false
    this.ptt.cancel()
    this.tell()
  }

  dispose(): void {
    this.end()
    this.offStatus()
  }

  private start(): void {
    this.on = true
    this.tell()
    // From idle this listens; from a push-to-talk answer it is a barge-in that listens.
    if (this.ptt.status.state !== 'listening') this.ptt.toggle()
  }

  private follow(s: VoiceStatus): void {
    const previous = this.previous
    this.previous = s.state
    if (this.on && s.state === 'idle') {
      if (s.message) this.on = false
      else if (ANSWERING.includes(previous)) this.defer(() => this.listenAgain())
    }
    this.tell()
  }

  private listenAgain(): void {
    if (this.on && this.ptt.status.state === 'idle') this.ptt.toggle()
  }

  private tell(): void {
    this.statusListeners.emit(this.status)
  }
}
