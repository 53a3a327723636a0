import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, type Page } from 'playwright-core'
import type { WindowState } from '../e2e/harness/control-api'
import { descendants } from './process-tree'
import {
  matchWindow,
  type AppExit,
  type Controls,
  type LaunchedApp,
  type LaunchOptions,
  type WindowMatch
} from './launched-app'
import { repoRoot } from './harness-app'

/** Is Electron's binary installed? Reading the path, not require('electron'): that would try to download it. */
export function realElectronInstalled(): boolean {
  const pathFile = join(repoRoot, 'node_modules/electron/path.txt')
  return (
    !!process.env['ELECTRON_OVERRIDE_DIST_PATH'] ||
    (existsSync(pathFile) &&
      existsSync(join(repoRoot, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())))
  )
}

const unsupported = (what: string) => (): never => {
  throw new Error(`${what} needs the harness's fake electron; it is not available with real Electron`)
}

/** Same interface as the harness, through Playwright's Electron driver. Unverified here: no binary. */
export async function launchElectronApp(opts: LaunchOptions = {}): Promise<LaunchedApp> {
  if (opts.packagedResources)
    throw new Error('a packaged launch runs in the harness: the package holds a stand-in Electron')
  if (opts.profile)
    throw new Error(`platform profile '${opts.profile}' is the harness's: real Electron runs on this machine's desktop`)
  const bundleDir = opts.bundleDir ?? process.env['HARK_BUNDLE_DIR'] ?? join(repoRoot, 'out')
  const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'hark-e2e-userdata-'))
  mkdirSync(userData, { recursive: true })
  const env = Object.fromEntries(
    Object.entries({ ...process.env, ...opts.env }).filter((e): e is [string, string] => e[1] !== undefined)
  )
  const app = await _electron.launch({
    args: [opts.main ?? join(bundleDir, 'main/index.js'), `--user-data-dir=${userData}`, ...(opts.args ?? [])],
    env,
    cwd: repoRoot
  })
  const child = app.process()
  let log = ''
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<AppExit>((r) => child.on('exit', (code, signal) => r({ code, signal })))

  const windows = (): Promise<WindowState[]> =>
    app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({
        id: w.id,
        webContentsId: w.webContents.id,
        targetId: '',
        url: w.webContents.getURL(),
        title: w.getTitle(),
        visible: w.isVisible(),
        focused: w.isFocused(),
        alwaysOnTop: w.isAlwaysOnTop(),
        skipTaskbar: false,
        minimized: w.isMinimized(),
        bounds: w.getBounds(),
        options: {}
      }))
    )
  const onWindow = (id: number, action: 'close' | 'focus' | 'blur') =>
    app.evaluate(
      ({ BrowserWindow }, [i, a]) => BrowserWindow.fromId(i as number)?.[a as 'close' | 'focus' | 'blur'](),
      [id, action] as const
    )

  const control: Controls = {
    windows,
    closeWindow: (id) => onWindow(id, 'close'),
    focusWindow: (id) => onWindow(id, 'focus'),
    blurWindow: (id) => onWindow(id, 'blur'),
    quit: () => app.evaluate(({ app: a }) => a.quit()),
    shortcuts: unsupported('listing global shortcuts'),
    triggerShortcut: unsupported('triggering a global shortcut'),
    trays: unsupported('reading the tray'),
    clickTrayItem: unsupported('clicking the tray'),
    clickTray: unsupported('clicking the tray'),
    applicationMenu: () => app.evaluate(({ Menu }) => (Menu.getApplicationMenu() ? [] : null)),
    calls: unsupported('recorded calls'),
    permission: unsupported('asking permission handlers'),
    configure: unsupported('configuring the harness'),
    loginItem: unsupported('reading what starts at login'),
    macDesktop: unsupported("reading macOS's activation state"),
    switchToOtherApp: unsupported('switching to another application')
  }

  const window = async (match: WindowMatch = 'index', timeoutMs = 30_000): Promise<Page> => {
    const matches = matchWindow(match)
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const win = (await windows()).find((w) => w.url && matches(w))
      const page = win && app.windows().find((p) => p.url() === win.url)
      if (page) return page
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`no window matching ${String(match)} within ${timeoutMs} ms`)
  }

  return {
    kind: 'electron',
    pid: child.pid ?? -1,
    userData,
    window,
    windows,
    control,
    exited,
    kill: (signal = 'SIGKILL') => void child.kill(signal),
    output: () => log,
    descendants: () => descendants(child.pid ?? -1).filter((p) => !/electron|chrome/i.test(p.command)),
    screenshots: async (dir, prefix) => {
      mkdirSync(dir, { recursive: true })
      const pages = app.windows()
      return Promise.all(
        pages.map(
          async (p, i) => (
            await p.screenshot({ path: join(dir, `${prefix}-${i}.png`) }),
            join(dir, `${prefix}-${i}.png`)
          )
        )
      )
    },
    close: async () => {
      await app.close().catch(() => child.kill('SIGKILL'))
      if (!opts.userData) rmSync(userData, { recursive: true, force: true })
    }
  }
}
