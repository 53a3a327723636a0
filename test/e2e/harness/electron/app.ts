import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { defaultDesktopName, setDesktopName } from './desktop-identity'
import { isMac, macDesktop, type ActivationPolicy } from './mac-desktop'
import { loginLaunch, type LoginItemSettings, type LoginLaunch } from './login-items'
import { appLocation } from './packaged'
import { record } from './recorder'
import { NotEmulatedError } from './strict'
import { browserHost, liveWindows } from './runtime'
import { handoff, requestLock } from './single-instance'

interface AppEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

function appEvent(): AppEvent {
  const e = { defaultPrevented: false, preventDefault: () => void (e.defaultPrevented = true) }
  return e
}

/** The app's package.json, found from the main script as Electron does. */
function packageInfo(): { name: string; version: string; dir: string; desktopName?: string } {
  let dir = dirname(process.argv[1] ?? process.cwd())
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string
    productName?: string
    desktopName?: string
    version: string
  }
  return { name: pkg.productName ?? pkg.name, version: pkg.version, dir, desktopName: pkg.desktopName }
}

function initialPaths(): Record<string, string> {
  // Never the user's real ~/.config: a test names its userData, or gets a fresh one.
  const given = process.env['HARK_USER_DATA']
  const userData = given ?? mkdtempSync(join(tmpdir(), 'hark-userdata-'))
  mkdirSync(userData, { recursive: true })
  if (!given) process.on('exit', () => rmSync(userData, { recursive: true, force: true }))
  return {
    userData,
    sessionData: userData,
    appData: dirname(userData),
    logs: join(userData, 'logs'),
    crashDumps: join(userData, 'Crashpad'),
    temp: tmpdir(),
    home: homedir(),
    exe: process.execPath,
    module: process.execPath
  }
}

/**
 * `app`: readiness once Chromium is connected, Electron's quit sequence
 * (before-quit, windows close and may veto, will-quit, quit, exit) and the
 * default of quitting when the last window closes.
 */
class FakeApp extends EventEmitter {
  private readonly location = appLocation()
  readonly isPackaged = this.location.isPackaged
  /** macOS only, as in Electron */
  get dock(): typeof macDesktop.dock | undefined {
    return isMac() ? macDesktop.dock : undefined
  }

  setActivationPolicy(policy: ActivationPolicy): void {
    if (!isMac()) throw new NotEmulatedError('app.setActivationPolicy outside macOS')
    macDesktop.setPolicy(policy)
  }
  readonly commandLine = {
    switches: new Map<string, string>(),
    appendSwitch: (name: string, value = ''): void => {
      this.commandLine.switches.set(name, value)
      record('app.commandLine.appendSwitch', name, value)
    },
    appendArgument: (arg: string): void => record('app.commandLine.appendArgument', arg),
    hasSwitch: (name: string): boolean => this.commandLine.switches.has(name),
    getSwitchValue: (name: string): string => this.commandLine.switches.get(name) ?? ''
  }
  private readonly pkg = packageInfo()
  private readonly paths = initialPaths()
  private readonly ready: Promise<void>
  private isReadyNow = false
  private quitting = false
  private loginItem = { openAtLogin: false, openAsHidden: false }
  /** what the system would start at login (control: loginItem) */
  loginLaunch: LoginLaunch = null
  name = this.pkg.name

  constructor() {
    super()
    setDesktopName(defaultDesktopName({ ...this.pkg, name: this.name }))
    // Electron quits gracefully on SIGTERM/SIGINT; the test's polite close relies on it.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => this.quit())
    this.ready = browserHost().then(() => {
      this.isReadyNow = true
      this.emit('will-finish-launching')
      this.emit('ready', appEvent(), {})
    })
    this.ready.catch((err: unknown) => {
      console.error('[harness] could not connect to Chromium; the app cannot start:', err)
      process.exit(70)
    })
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  isReady(): boolean {
    return this.isReadyNow
  }

  getPath(name: string): string {
    const path = this.paths[name]
    if (!path) throw new Error(`harness: app.getPath('${name}') is not emulated`)
    return path
  }

  setPath(name: string, path: string): void {
    this.paths[name] = path
  }

  getName(): string {
    return this.name
  }

  setName(name: string): void {
    this.name = name
  }

  getVersion(): string {
    return this.pkg.version
  }

  getAppPath(): string {
    return this.location.appPath ?? this.pkg.dir
  }

  getLocale(): string {
    return 'en-US'
  }

  getSystemLocale(): string {
    return 'en-US'
  }

  getPreferredSystemLanguages(): string[] {
    return ['en-US']
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    return requestLock(
      this.paths['userData']!,
      (argv, cwd, data) => this.emit('second-instance', appEvent(), argv, cwd, data),
      additionalData
    )
  }

  hasSingleInstanceLock(): boolean {
    return existsSync(join(this.paths['userData']!, 'harness-instance.lock'))
  }

  setLoginItemSettings(settings: LoginItemSettings): void {
    record('app.setLoginItemSettings', settings)
    this.loginLaunch = loginLaunch(settings, this.isPackaged)
    this.loginItem = { ...this.loginItem, openAtLogin: !!settings.openAtLogin }
  }

  getLoginItemSettings(): { openAtLogin: boolean; openAsHidden: boolean } {
    return { ...this.loginItem }
  }

  /** Electron: "must be called before the ready event" (it names the Wayland app_id). */
  setDesktopName(name: string): void {
    if (this.isReadyNow) throw new Error('harness: app.setDesktopName must be called before the ready event')
    record('app.setDesktopName', name)
    setDesktopName(name)
  }

  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', id)
  }

  disableHardwareAcceleration(): void {
    record('app.disableHardwareAcceleration')
  }

  setAboutPanelOptions(options: unknown): void {
    record('app.setAboutPanelOptions', options)
  }

  focus(): void {
    record('app.focus')
  }

  relaunch(options?: unknown): void {
    record('app.relaunch', options)
  }

  quit(): void {
    if (this.quitting) return
    const before = appEvent()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    this.quitting = true
    for (const win of [...liveWindows]) win.close()
    if ([...liveWindows].some((w) => !w.isDestroyed())) {
      this.quitting = false // a window vetoed its close: Electron cancels the quit
      return
    }
    const will = appEvent()
    this.emit('will-quit', will)
    if (will.defaultPrevented) {
      this.quitting = false
      return
    }
    this.emit('quit', appEvent(), 0)
    void this.shutdown(0)
  }

  /** Ends at once: no before-quit/will-quit, windows destroyed without 'close'. */
  exit(code = 0): void {
    this.quitting = true
    for (const win of [...liveWindows]) win.destroy()
    void this.shutdown(code)
  }

  /** A window was destroyed: with none left, Electron quits unless the app listens for window-all-closed. */
  windowClosed(): void {
    if (this.quitting || liveWindows.size > 0) return
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed')
    else this.quit()
  }

  private async shutdown(code: number): Promise<void> {
    const timeout = new Promise((r) => setTimeout(r, 3000))
    await Promise.race([Promise.all([handoff, browserHost().then((h) => h.close())]), timeout]).catch(() => undefined)
    process.exit(code)
  }
}

export const fakeApp = new FakeApp()
export type { FakeApp }
