import { screen, type BrowserWindow } from 'electron'
import type { AppContext } from './app-context'
import { createSecureWindow } from './secure-window'
import { pageUrl } from './renderer-location'
import { placeQuickPrompt, type Rect } from './quick-prompt-placement'

/**
 * The quick-prompt popup: small, frameless, always on top. It is created
 * hidden at start-up and only shown and hidden afterwards, because creating a
 * window and booting React costs far more than the hotkey → focused input
 * budget allows.
 */

export const QUICK_PROMPT_SIZE = { width: 560, height: 340 }

const quickWindows = new WeakSet<BrowserWindow>()

/** Is this the popup? IPC routes meant for it check the sender with this. */
export function isQuickPromptWindow(win: BrowserWindow | null): win is BrowserWindow {
  return !!win && quickWindows.has(win)
}

export class QuickPromptWindow {
  private win: BrowserWindow | null = null

  /** where the tray icon is, if the platform says (the tray sets this; Linux never knows) */
  trayBounds: () => Rect | null = () => null

  constructor(private readonly ctx: Pick<AppContext, 'registry' | 'settings' | 'quitting'>) {}

  /** Creates the hidden window now, so the first show is fast too. */
  warm(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win
    const win = createSecureWindow(this.ctx.registry, {
      ...QUICK_PROMPT_SIZE,
      show: false,
      frame: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'Hark quick prompt',
      backgroundColor: '#202124'
    })
    quickWindows.add(win)
    if (process.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })
    win.on('blur', () => {
      if (this.ctx.settings.get().quickPrompt.hideOnBlur) this.hide()
    })
    // Alt+F4 and friends hide it: recreating costs the speed it exists for.
    win.on('close', (event) => {
      if (this.ctx.quitting.value) return
      event.preventDefault()
      this.hide()
    })
    win.on('closed', () => {
      if (this.win === win) this.win = null
    })
    void win.loadURL(pageUrl('quick')).catch((err: unknown) => console.warn('[hark] quick prompt page failed to load:', err))
    this.win = win
    return win
  }

  get window(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null
  }

  isShown(): boolean {
    return !!this.window?.isVisible()
  }

  /** `at`: when the request began (the hotkey's callback), for latency measurement. */
  show(at: number = Date.now()): void {
    const win = this.warm()
    win.setBounds(this.placement())
    win.show()
    win.focus()
    win.webContents.send('quick.shown', { at })
  }

  hide(): void {
    const win = this.window
    if (win?.isVisible()) win.hide()
  }

  /** The hotkey toggles: a second press puts it away. */
  toggle(at: number = Date.now()): void {
    if (this.isShown() && this.window?.isFocused()) this.hide()
    else this.show(at)
  }

  private placement(): Rect {
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint())
    return placeQuickPrompt({ size: QUICK_PROMPT_SIZE, display, tray: this.trayBounds() })
  }
}
