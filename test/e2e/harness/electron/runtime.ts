import { BrowserHost } from '../page/browser-host'

/**
 * Process-wide state of the fake: the Chromium connection, opened eagerly at
 * require('electron') time (app 'ready' waits for it), and the live windows.
 */

export interface LiveWindow {
  close(): void
  destroy(): void
  isDestroyed(): boolean
}

export const liveWindows = new Set<LiveWindow>()

let hostPromise: Promise<BrowserHost> | null = null

export function browserHost(): Promise<BrowserHost> {
  hostPromise ??= BrowserHost.connect()
  return hostPromise
}
