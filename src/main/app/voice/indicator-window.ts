import { screen, type BrowserWindow } from 'electron'
import type { VoiceStatus } from '@shared/voice-state'
import type { AppContext } from '../app-context'
import { desktopSession } from '../platform/desktop-session'
import { createKeptWindow } from '../windows/kept-window'

/**
 * The push-to-talk indicator: a small always-on-top pill at the bottom centre
 * of the screen. Created hidden at start-up so the first hotkey press shows it
 * at once; shown without taking focus (the user is typing elsewhere); hidden a
 * moment after going idle so a closing message can still be read. It is not
 * focusable, so it never takes the keyboard. On Wayland the compositor places
 * it (Hark cannot), and a plain show() of a window that cannot take focus is
 * what stands in for showInactive, which Wayland lacks.
 */

const SIZE = { width: 260, height: 56 }
const HIDE_AFTER_MS = 1200
const HIDE_AFTER_MESSAGE_MS = 4000

export class IndicatorWindow {
  private win: BrowserWindow | null = null
  private hideTimer: NodeJS.Timeout | undefined
  private readonly session = desktopSession()

  constructor(private readonly ctx: Pick<AppContext, 'registry' | 'quitting'>) {}

  warm(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) return this.win
    const win = createKeptWindow(
      this.ctx,
      'indicator',
      { ...SIZE, movable: true, focusable: false, title: 'Hark listening' },
      () => {
        if (this.win === win) this.win = null
      }
    )
    if (this.session.managesWindows) win.setAlwaysOnTop(true, 'floating')
    this.win = win
    return win
  }

  /** Follows the voice state: visible while anything happens, hidden when idle. */
  follow(status: VoiceStatus): void {
    if (status.state === 'idle') {
      if (!this.win?.isVisible() || this.hideTimer) return
      this.hideTimer = setTimeout(() => this.hide(), status.message ? HIDE_AFTER_MESSAGE_MS : HIDE_AFTER_MS)
      return
    }
    clearTimeout(this.hideTimer)
    this.hideTimer = undefined
    const win = this.warm()
    if (win.isVisible()) return
    if (!this.session.managesWindows) return win.show()
    win.setBounds(this.placement())
    win.showInactive()
  }

  destroy(): void {
    clearTimeout(this.hideTimer)
    if (this.win && !this.win.isDestroyed()) this.win.destroy()
    this.win = null
  }

  private hide(): void {
    this.hideTimer = undefined
    if (this.win && !this.win.isDestroyed()) this.win.hide()
  }

  private placement(): Electron.Rectangle {
    const area = screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).workArea
    return {
      ...SIZE,
      x: Math.round(area.x + (area.width - SIZE.width) / 2),
      y: Math.round(area.y + area.height - SIZE.height - 48)
    }
  }
}
