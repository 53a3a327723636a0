import type { BrowserWindow } from 'electron'
import type { AppNavigation } from '@shared/ipc/app'

/**
 * Sends the main window somewhere (Settings, a conversation). A window that is
 * still loading cannot hear the event yet, so the request is also kept for it
 * to take once it is ready ('app.takeNavigation').
 */

const pending = new WeakMap<BrowserWindow, AppNavigation>()

export function navigateMainWindow(win: BrowserWindow, nav: AppNavigation): void {
  pending.set(win, nav)
  const send = (): void => {
    if (!win.isDestroyed()) win.webContents.send('app.navigate', nav)
  }
  if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send)
  else send()
}

/** The last unclaimed request for this window, cleared as it is taken. */
export function takeNavigation(win: BrowserWindow | null): AppNavigation | null {
  if (!win) return null
  const nav = pending.get(win) ?? null
  pending.delete(win)
  return nav
}
