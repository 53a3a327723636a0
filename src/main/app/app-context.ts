import type { BrowserWindow } from 'electron'
import type { TurnEvent } from '@shared/turn-events'
import type { WindowRegistry } from './windows/window-registry'
import type { SettingsStore } from './stores/settings-store'
import type { KeyStore } from './stores/key-store'
import type { TurnController } from './turns/turn-controller'
import type { SpeechControl } from './speech/speech-control'
import type { ConversationStore } from './stores/conversation-store'
import type { VoiceHub } from './voice/voice-hub'

/**
 * The main process's object graph, built once in hark-app.ts and handed to
 * each feature's `install…(ctx)` (tray, quick prompt, push-to-talk…).
 */
export interface AppContext {
  userData: string
  registry: WindowRegistry
  settings: SettingsStore
  keys: KeyStore
  speech: SpeechControl
  /** the saved conversations (implements the turn controller's ConversationHistory port) */
  history: ConversationStore
  turns: TurnController
  /** push-to-talk and speaking status: the one voice state every window and the tray follow */
  voice: VoiceHub
  /** turn events to every window, deltas coalesced */
  publish: (e: TurnEvent) => void
  /** shows (creating if needed) and focuses the main window */
  showMainWindow: () => BrowserWindow
  /** set once the user really asked to quit (tray Quit, Cmd+Q): windows stop vetoing close */
  quitting: { value: boolean }
  /**
   * the user is about to ask (typing, the popup, the push-to-talk hotkey): open
   * the connections the question will use and get the voice ready, so neither
   * start-up is on the way to the first sound
   */
  warmUp: () => void
  /** feature cleanups to run before quit */
  onQuit: (cleanup: () => void) => void
}
