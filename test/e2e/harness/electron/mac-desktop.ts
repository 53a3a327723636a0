import { currentProfile } from './profile'
import { record } from './recorder'
import { NotEmulatedError, strict } from './strict'

/**
 * macOS under the darwin profile: which application is active (has the menu
 * bar and keyboard focus), Hark's activation policy (Dock icon, Cmd+Tab, menu
 * bar) and which of its windows stand over the user's work. It follows
 * Electron's native_window_mac.mm: show() and focus() of an ordinary window
 * activate the app, which brings every window it has in front of the other
 * apps' windows; a `type: 'panel'` window gets NSWindowStyleMaskNonactivatingPanel,
 * so focus() makes it key without activating the app ("which enables
 * Electron-apps to build Spotlight-like experiences"); showInactive() orders
 * a window in front and changes nothing else. README.md lists the sources.
 */

export type ActivationPolicy = 'regular' | 'accessory' | 'prohibited'

export interface MacWindow {
  readonly id: number
  readonly isPanel: boolean
  isVisible(): boolean
  isFocused(): boolean
  focusByUser(): void
  loseFocus(): void
}

/** What a test sees (control: 'macDesktop'). */
export interface MacDesktopState {
  policy: ActivationPolicy
  /** a regular app has a Dock icon, a Cmd+Tab entry and its menu bar */
  dockIconShown: boolean
  activeApp: 'hark' | 'other'
  /** Hark's windows in front of the user's work */
  inFront: number[]
}

export const isMac = (): boolean => currentProfile().platform === 'darwin'

class MacDesktop {
  private policy: ActivationPolicy = 'regular'
  private activeApp: 'hark' | 'other' = 'hark'
  private readonly inFront = new Set<number>()
  private readonly windows = new Set<MacWindow>()

  add(win: MacWindow): void {
    this.windows.add(win)
  }

  remove(win: MacWindow): void {
    this.windows.delete(win)
    this.inFront.delete(win.id)
  }

  /** [NSApp activate…]: Hark becomes the active app and all its visible windows come forward. */
  private activate(): void {
    if (this.policy === 'prohibited') return
    if (this.activeApp !== 'hark') record('mac.activate')
    this.activeApp = 'hark'
    for (const w of this.windows) if (w.isVisible()) this.inFront.add(w.id)
  }

  /** BrowserWindow.show(): NativeWindowMac::Show activates the app, then makeKeyAndOrderFront. */
  show(win: MacWindow): void {
    // Electron versions differ on whether Show() skips activation for panels: nobody can rely on it.
    if (win.isPanel)
      throw new NotEmulatedError('BrowserWindow.show() of a panel (use showInactive() and focus() instead)')
    this.activate()
    this.inFront.add(win.id)
  }

  /** showInactive(): orderFrontRegardless, no activation, no key window. */
  showInactive(win: MacWindow): void {
    this.inFront.add(win.id)
  }

  /** focus(): an ordinary window activates the app; a panel becomes key without it. */
  focus(win: MacWindow): void {
    if (!win.isPanel) this.activate()
    this.inFront.add(win.id)
  }

  /** orderOut: the key window goes; if Hark is still the active app, its next window becomes key. */
  hidden(win: MacWindow): void {
    this.inFront.delete(win.id)
    if (this.activeApp !== 'hark' || [...this.windows].some((w) => w.isFocused())) return
    const next = [...this.windows].find((w) => w !== win && w.isVisible() && !w.isPanel)
    next?.focusByUser()
  }

  /** The user clicked into another application: it is active, Hark's windows go behind its own. */
  switchToOtherApp(): void {
    this.activeApp = 'other'
    this.inFront.clear()
    for (const w of this.windows) if (w.isFocused()) w.loseFocus()
  }

  /**
   * setVisibleOnAllWorkspaces: without skipTransformProcessType Electron
   * transforms the process to a UIElement application and back; with
   * visibleOnFullScreen it stays one (electron#26350): no Dock icon, no
   * Cmd+Tab entry, no menu bar.
   */
  visibleOnAllWorkspaces(
    visible: boolean,
    options: { visibleOnFullScreen?: boolean; skipTransformProcessType?: boolean } = {}
  ): void {
    if (options.skipTransformProcessType) return
    if (visible && options.visibleOnFullScreen) this.setPolicy('accessory')
    else record('mac.dockFlicker')
  }

  setPolicy(policy: ActivationPolicy): void {
    record('mac.activationPolicy', policy)
    this.policy = policy
    if (policy === 'prohibited') this.switchToOtherApp()
  }

  state(): MacDesktopState {
    return {
      policy: this.policy,
      dockIconShown: this.policy === 'regular',
      activeApp: this.activeApp,
      inFront: [...this.inFront]
    }
  }

  /** app.dock (macOS only): the Dock icon follows the activation policy. */
  readonly dock = strict('app.dock', {
    isVisible: (): boolean => this.policy === 'regular',
    show: async (): Promise<void> => this.setPolicy('regular'),
    hide: (): void => this.setPolicy('accessory'),
    setIcon: (icon: unknown): void => record('app.dock.setIcon', icon),
    setBadge: (text: string): void => record('app.dock.setBadge', text),
    getBadge: (): string => '',
    bounce: (): number => (record('app.dock.bounce'), 0)
  })
}

export const macDesktop = new MacDesktop()
