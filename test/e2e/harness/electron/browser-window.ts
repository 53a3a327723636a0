import { fakeApp } from './app'
import { ipcMain } from './ipc-main'
import { record } from './recorder'
import { browserHost, liveWindows } from './runtime'
import { FakeWebContents } from './web-contents'
import { isMac, macDesktop } from './mac-desktop'
import { currentProfile } from './profile'
import { NotEmulatedError, strict } from './strict'
import { WindowBase, type Bounds } from './window-base'

export type { Bounds }

interface WindowOptions {
  width?: number
  height?: number
  x?: number
  y?: number
  show?: boolean
  title?: string
  alwaysOnTop?: boolean
  skipTaskbar?: boolean
  focusable?: boolean
  frame?: boolean
  transparent?: boolean
  webPreferences?: { preload?: string; contextIsolation?: boolean; nodeIntegration?: boolean; sandbox?: boolean }
  [key: string]: unknown
}

/** What the test sees of a window (control: 'windows'). */
export interface WindowState {
  id: number
  webContentsId: number
  targetId: string
  url: string
  title: string
  visible: boolean
  focused: boolean
  alwaysOnTop: boolean
  skipTaskbar: boolean
  minimized: boolean
  bounds: Bounds
  options: Record<string, unknown>
}

const behaviour = (): ReturnType<typeof currentProfile>['windows'] => currentProfile().windows

/** Electron documents the call as unsupported under this profile, and says no more: a test must not rely on it. */
const cannotKnow = (what: string): NotEmulatedError =>
  new NotEmulatedError(`${what} under the ${currentProfile().name} profile (documented as not supported)`)

const definedOnly = (b: Partial<Bounds>): Partial<Bounds> =>
  Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as Partial<Bounds>

let nextId = 1
let focused: FakeBrowserWindow | null = null
const setFocused = (win: FakeBrowserWindow | null): void => void (focused = win)

function closeEvent(): { defaultPrevented: boolean; preventDefault(): void } {
  const e = { defaultPrevented: false, preventDefault: () => void (e.defaultPrevented = true) }
  return e
}

/** Refuses what the harness cannot honestly stand in for: a window that runs Node in the page. */
function checkPreferences(prefs: WindowOptions['webPreferences'] = {}): void {
  if (prefs.nodeIntegration === true) throw new NotEmulatedError('BrowserWindow with nodeIntegration: true')
  if (prefs.contextIsolation === false) throw new NotEmulatedError('BrowserWindow with contextIsolation: false')
}

/**
 * A BrowserWindow is a Chromium page plus the window state Electron would keep
 * (visibility, focus, bounds, always-on-top); headless Chromium has no real
 * window, so that state is recorded and reported to tests.
 */
export class FakeBrowserWindow extends WindowBase {
  readonly id = nextId++
  readonly webContents: FakeWebContents
  /** macOS's non-activating panel (`type: 'panel'`); the option means other things elsewhere */
  readonly isPanel: boolean
  private destroyed = false
  private visible: boolean
  private bounds: Bounds
  private state = {
    title: '',
    alwaysOnTop: false,
    skipTaskbar: false,
    minimized: false,
    maximized: false,
    fullScreen: false,
    focusable: true,
    opacity: 1
  }

  constructor(private readonly options: WindowOptions = {}) {
    super()
    if (!fakeApp.isReady()) throw new Error('Cannot create BrowserWindow before app is ready')
    checkPreferences(options.webPreferences)
    const width = options.width ?? 800
    const height = options.height ?? 600
    this.bounds = {
      x: options.x ?? Math.round((1920 - width) / 2),
      y: options.y ?? Math.round((1080 - height) / 2),
      width,
      height
    }
    this.state.title = options.title ?? ''
    this.state.alwaysOnTop = (options.alwaysOnTop ?? false) && behaviour().alwaysOnTop
    this.state.skipTaskbar = options.skipTaskbar ?? false
    this.state.focusable = options.focusable ?? true
    this.isPanel = isMac() && options.type === 'panel'
    this.visible = options.show !== false
    this.webContents = new FakeWebContents({
      host: browserHost(),
      ipcMain,
      preload: options.webPreferences?.preload,
      width,
      height
    })
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show'))
    // The app holds the strict proxy; every list hands out the same object, so identity checks hold.
    const self = strict('BrowserWindow', this)
    this.webContents.on('destroyed', () => self.destroy())
    liveWindows.add(self)
    if (isMac()) macDesktop.add(self)
    if (this.visible && this.state.focusable) self.focus()
    queueMicrotask(() => fakeApp.emit('browser-window-created', {}, self))
    return self
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return [...liveWindows].filter((w): w is FakeBrowserWindow => w instanceof FakeBrowserWindow)
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return focused && !focused.destroyed ? focused : null
  }

  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((w) => w.webContents === contents) ?? null
  }

  static fromId(id: number): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((w) => w.id === id) ?? null
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }

  loadFile(path: string, options?: { query?: Record<string, string>; hash?: string }): Promise<void> {
    return this.webContents.loadFile(path, options)
  }

  show(): void {
    if (isMac()) macDesktop.show(this)
    const wasVisible = this.visible
    this.visible = true
    this.state.minimized = false
    if (!wasVisible) this.emit('show')
    if (this.state.focusable) this.focus()
  }

  showInactive(): void {
    if (!behaviour().programmaticFocus) throw cannotKnow('BrowserWindow.showInactive')
    if (isMac()) macDesktop.showInactive(this)
    if (this.visible) return
    this.visible = true
    this.emit('show')
  }

  hide(): void {
    if (!this.visible) return
    this.visible = false
    if (focused === this) this.loseFocus()
    this.emit('hide')
    if (isMac()) macDesktop.hidden(this)
  }

  /** Without user input the compositor may only flash the app's icon (Wayland): no focus. */
  focus(): void {
    if (!behaviour().programmaticFocus) return record('BrowserWindow.focus.refused', this.id)
    if (this.destroyed || !this.visible) return
    if (isMac()) macDesktop.focus(this)
    this.focusByUser()
  }

  /** The user clicked into the window: the one focus every desktop honours. */
  focusByUser(): void {
    if (this.destroyed || focused === this) return
    const previous = focused
    setFocused(this)
    previous?.emit('blur')
    this.emit('focus')
    this.webContents.focus()
  }

  blur(): void {
    if (!behaviour().programmaticFocus) throw cannotKnow('BrowserWindow.blur')
    this.loseFocus()
  }

  /** Focus went elsewhere: the user switched applications, or the window was hidden. */
  loseFocus(): void {
    if (focused !== this) return
    focused = null
    this.emit('blur')
  }

  isVisible(): boolean {
    return this.visible && !this.state.minimized
  }

  isFocused(): boolean {
    return focused === this
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** Like a click on the window's close button: 'close' may veto. */
  close(): void {
    if (this.destroyed) return
    const e = closeEvent()
    this.emit('close', e)
    if (!e.defaultPrevented) this.destroy()
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (focused === this) focused = null
    liveWindows.delete(this)
    macDesktop.remove(this)
    this.webContents.destroy()
    this.emit('closed')
    fakeApp.windowClosed()
  }

  /** On Wayland a client never learns its global position: x and y read 0. */
  getBounds(): Bounds {
    return behaviour().placement ? { ...this.bounds } : { ...this.bounds, x: 0, y: 0 }
  }

  /** On Wayland the compositor places windows: x and y are ignored, with a record of the attempt. */
  setBounds(bounds: Partial<Bounds>): void {
    if (!behaviour().placement && (bounds.x !== undefined || bounds.y !== undefined)) {
      record('BrowserWindow.setPosition.ignored', this.id, bounds.x, bounds.y)
      bounds = { width: bounds.width, height: bounds.height }
    }
    this.bounds = { ...this.bounds, ...definedOnly(bounds) }
    const { width, height } = this.bounds
    void this.webContents.page.then((p) => p.setViewportSize({ width, height })).catch(() => undefined)
    this.emit('resize')
    this.emit('move')
  }

  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.state.alwaysOnTop = flag && behaviour().alwaysOnTop
    record('BrowserWindow.setAlwaysOnTop', this.id, flag, level)
  }

  isAlwaysOnTop(): boolean {
    if (!behaviour().alwaysOnTop) throw cannotKnow('BrowserWindow.isAlwaysOnTop')
    return this.state.alwaysOnTop
  }

  setSkipTaskbar(skip: boolean): void {
    this.state.skipTaskbar = skip
  }

  setFocusable(focusable: boolean): void {
    this.state.focusable = focusable
  }

  isFocusable(): boolean {
    return this.state.focusable
  }

  setTitle(title: string): void {
    this.state.title = title
  }

  getTitle(): string {
    return this.state.title || this.webContents.getTitle()
  }

  minimize(): void {
    if (!behaviour().programmaticFocus) throw cannotKnow('BrowserWindow.minimize')
    this.state.minimized = true
    if (focused === this) this.loseFocus()
    this.emit('minimize')
  }

  restore(): void {
    if (!this.state.minimized) return
    this.state.minimized = false
    this.emit('restore')
  }

  isMinimized(): boolean {
    return this.state.minimized
  }

  maximize(): void {
    this.state.maximized = true
    this.emit('maximize')
  }

  unmaximize(): void {
    this.state.maximized = false
    this.emit('unmaximize')
  }

  isMaximized(): boolean {
    return this.state.maximized
  }

  setFullScreen(flag: boolean): void {
    this.state.fullScreen = flag
  }

  isFullScreen(): boolean {
    return this.state.fullScreen
  }

  setOpacity(opacity: number): void {
    this.state.opacity = opacity
  }

  getOpacity(): number {
    return this.state.opacity
  }

  moveTop(): void {
    record('BrowserWindow.moveTop', this.id)
  }

  toJSON(): object {
    return { window: this.id }
  }

  describe(): WindowState {
    return {
      id: this.id,
      webContentsId: this.webContents.id,
      targetId: this.webContents.targetId,
      url: this.webContents.getURL(),
      title: this.getTitle(),
      visible: this.isVisible(),
      focused: this.isFocused(),
      alwaysOnTop: this.state.alwaysOnTop,
      skipTaskbar: this.state.skipTaskbar,
      minimized: this.state.minimized,
      bounds: this.getBounds(),
      options: Object.fromEntries(Object.entries(this.options).filter(([k]) => k !== 'webPreferences'))
    }
  }
}
