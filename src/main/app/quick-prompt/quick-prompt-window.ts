import { screen, type BrowserWindow } from 'electron'
import type { AppContext } from '../app-context'
import { desktopSession } from '../platform/desktop-session'
import { createKeptWindow } from '../windows/kept-window'
import { placeQuickPrompt, type Rect } from './quick-prompt-placement'

/**
 * The quick-prompt popup: small, frameless, always on top. It is created
 * hidden at start-up and only shown and hidden afterwards, because creating a
 * window and booting React costs far more than the hotkey → focused input
 * budget allows. Alt+F4 hides it too.
 *
 * On Wayland the compositor places it and decides its focus: Hark neither
 * positions it nor relies on focus. The hotkey (or `hark --quick-prompt`)
 * toggles it by visibility there, and Esc puts it away, since a window that
 * was never focused never loses focus.
 *
 * On macOS it is a non-activating panel (`type: 'panel'`): it takes the keys
 * without activating Hark, so the main window stays behind the user's work
 * and, once it hides, the app they were in still has focus. A panel appears
 * on every space and over full-screen apps by itself; setVisibleOnAllWorkspaces
 * would instead turn Hark into an accessory app without Dock icon, Cmd+Tab
 * entry or menu bar (electron#26350).
 */

export const QUICK_PROMPT_SIZE = { width: 560, height: 340 }

const BLUR_GRACE_MS = 250

const onMac = (): boolean => process.platform === 'darwin'

export class QuickPromptWindow {
  private win: BrowserWindow | null = null
  private shownAt = 0
  private readonly session = desktopSession()

  /** where the tray icon is, if the platform says (the tray sets this; Linux never knows) */
  trayBounds: () => Rect | null = () => null

  constructor(private readonly ctx: Pick<AppContext, 'registry' | 'settings' | 'quitting' | 'warmUp'>) {}

  /** Creates the hidden window now, so the first show is fast too. */
  warm(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win
    const options = { ...QUICK_PROMPT_SIZE, title: 'Hark quick prompt', ...(onMac() ? { type: 'panel' } : {}) }
    const win = createKeptWindow(this.ctx, 'quick', options, () => {
      if (this.win === win) this.win = null
    })
    win.on('blur', () => {
      // Some window managers blur a window as it appears from a tray menu: give focus a moment to
      // come back, then hide only if it really went elsewhere.
      const graceLeft = this.shownAt + BLUR_GRACE_MS - Date.now()
      if (graceLeft > 0) setTimeout(() => this.hideIfUnfocused(), graceLeft)
      else this.hideIfUnfocused()
    })
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
    this.ctx.warmUp()
    const win = this.warm()
    if (this.session.managesWindows) win.setBounds(this.placement())
    this.shownAt = Date.now()
    // show() activates the whole app on macOS, panel or not; focus() of a panel does not.
    if (onMac()) win.showInactive()
    else win.show()
    if (this.session.managesWindows) win.focus()
    // Shown during start-up, the page may not listen yet: tell it once loaded.
    const tell = (): void => {
      if (!win.isDestroyed()) win.webContents.send('quick.shown', { at })
    }
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', tell)
    else tell()
  }

  hide(): void {
    const win = this.window
    if (win?.isVisible()) win.hide()
  }

  private hideIfUnfocused(): void {
    if (this.ctx.settings.get().quickPrompt.hideOnBlur && !this.window?.isFocused()) this.hide()
  }

  /**
   * The hotkey toggles: a second press puts it away. Where Hark can focus it,
   * a popup left open behind another window comes forward instead.
   */
  toggle(at: number = Date.now()): void {
    const putAway = this.session.managesWindows ? this.isShown() && this.window?.isFocused() : this.isShown()
    if (putAway) this.hide()
    else this.show(at)
  }

  private placement(): Rect {
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint())
    return placeQuickPrompt({ size: QUICK_PROMPT_SIZE, display, tray: this.trayBounds() })
  }
}
