import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import type { AppContext } from '../app-context'
import { createSecureWindow } from './secure-window'
import { pageUrl, type PageName } from './renderer-location'

/**
 * A small frameless always-on-top window created hidden at start-up and kept:
 * closing it (Alt+F4…) only hides it, unless Hark is quitting, so showing it
 * later costs no window creation or page load.
 */
export function createKeptWindow(
  ctx: Pick<AppContext, 'registry' | 'quitting'>,
  page: PageName,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  onClosed: () => void
): BrowserWindow {
  const win = createSecureWindow(ctx.registry, page, {
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    backgroundColor: '#202124',
    ...options
  })
  win.on('close', (event) => {
    if (ctx.quitting.value) return
    event.preventDefault()
    win.hide()
  })
  win.on('closed', onClosed)
  // A crashed page would show blank forever: drop the window; the next show makes a new one.
  win.webContents.on('render-process-gone', () => {
    if (!win.isDestroyed()) win.destroy()
  })
  void win.loadURL(pageUrl(page)).catch((err: unknown) => console.warn(`[hark] the ${page} page failed to load:`, err))
  return win
}
