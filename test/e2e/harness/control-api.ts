import type { WindowState } from './electron/browser-window'
import type { LoginLaunch } from './electron/login-items'
import type { MacDesktopState } from './electron/mac-desktop'
import type { MenuItemState } from './electron/menu'
import type { RecordedCall } from './electron/recorder'
import type { TrayState } from './electron/tray'

export type { WindowState, MenuItemState, RecordedCall, TrayState, MacDesktopState }

/** Harness settings a test may change while the app runs. */
export interface HarnessConfig {
  storageBackend?: 'gnome_libsecret' | 'kwallet5' | 'basic_text' | 'unavailable'
  /** the button index message boxes answer with */
  dialogResponse?: number
  /** accelerators another program "owns": register() returns false for them */
  takeShortcuts?: string[]
  cursor?: { x: number; y: number }
  /** darwin: what the user answers the microphone/camera prompt */
  mediaAccessAnswer?: boolean
}

/**
 * What the test can ask the app's process, over the fork IPC channel: the
 * user's actions on things headless Chromium has no pixels for (tray,
 * global keys, window buttons) and the state the fake electron recorded.
 */
export interface ControlApi {
  windows(): WindowState[]
  closeWindow(id: number): void
  /** as if the user focused another application */
  blurWindow(id: number): void
  focusWindow(id: number): void
  shortcuts(): string[]
  triggerShortcut(accelerator: string): void
  trays(): TrayState[]
  clickTrayItem(path: string[], tray?: number): void
  clickTray(kind?: 'click' | 'right-click' | 'double-click' | 'middle-click', tray?: number): void
  applicationMenu(): MenuItemState[] | null
  calls(prefix?: string): RecordedCall[]
  permission(permission: string, origin: string): Promise<{ check: boolean | null; request: boolean | null }>
  configure(config: HarnessConfig): void
  quit(): void
  /** darwin profile: the activation policy, the active app, Hark's windows in front */
  macDesktop(): MacDesktopState
  /** darwin and win32: what the system will start at login */
  loginItem(): LoginLaunch
  /** darwin profile: the user clicks into another application */
  switchToOtherApp(): void
}

export type ControlRequest = { id: number; method: keyof ControlApi; args: unknown[] }
export type ControlReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }

/** Marks a fork IPC message as the harness's, so an app's own process messages never collide. */
export const CONTROL_TAG = '__harkHarnessControl'
