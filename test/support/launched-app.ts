import type { Page } from 'playwright-core'
import type { ControlApi, WindowState } from '../e2e/harness/control-api'
import type { ProfileName } from '../e2e/harness/profiles'
import type { ProcessInfo } from './process-tree'

export type { WindowState }

/** A page name ('index', 'quick', 'indicator'): the window showing <name>.html. Or any predicate. */
export type WindowMatch = string | ((w: WindowState) => boolean)

export type Controls = {
  [K in keyof ControlApi]: (...args: Parameters<ControlApi[K]>) => Promise<Awaited<ReturnType<ControlApi[K]>>>
}

export interface LaunchOptions {
  /** extra environment for the app (OPENAI_BASE_URL, OPENAI_API_KEY, HARK_MODEL…) */
  env?: Record<string, string | undefined>
  /** the app's userData dir; default a fresh temp dir, removed on close */
  userData?: string
  /** where the built app is (default HARK_BUNDLE_DIR or <repo>/out) */
  bundleDir?: string
  /** command-line arguments after the main script (e.g. --hidden, as the login item passes) */
  args?: string[]
  /** the main script to run (default <bundleDir>/main/index.js); the harness's own tests run a fixture */
  main?: string
  /**
   * harness only: run as a packaged Hark from this resources folder, with its
   * app.asar extracted to a folder of the same name (see harness/electron/packaged.ts)
   */
  packagedResources?: string
  /**
   * harness only: the desktop the app runs on (default linux-x11): its
   * process.platform, session environment and what the emulated APIs do
   * there (test/e2e/harness/profiles/)
   */
  profile?: ProfileName
  /** safeStorage's backend in the harness (default: the profile's) */
  storageBackend?: 'gnome_libsecret' | 'basic_text' | 'unavailable'
  /** accelerators another program already owns: register() fails for them */
  takenShortcuts?: string[]
}

export interface AppExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** The running app, as a test drives it: the same shape for the harness and for real Electron. */
export interface LaunchedApp {
  readonly kind: 'harness' | 'electron'
  readonly pid: number
  readonly userData: string
  /** the page of the first window matching `match` (default 'index') once it has loaded */
  window(match?: WindowMatch, timeoutMs?: number): Promise<Page>
  windows(): Promise<WindowState[]>
  /** the user's hands on tray, global keys and window buttons; recorded state */
  control: Controls
  /** settles when the app's process ends */
  exited: Promise<AppExit>
  kill(signal?: NodeJS.Signals): void
  /** everything the app printed so far, stdout and stderr interleaved */
  output(): string
  /** live processes the app started (TTS, recorder…) */
  descendants(): ProcessInfo[]
  /** PNGs of every open window into `dir`; returns the files */
  screenshots(dir: string, prefix: string): Promise<string[]>
  /** quits politely, then force-kills; cleans up Chromium and temp dirs */
  close(): Promise<void>
}

export function matchWindow(match: WindowMatch): (w: WindowState) => boolean {
  if (typeof match === 'function') return match
  return (w) => {
    if (!w.url) return false
    const file = new URL(w.url).pathname.split('/').pop() ?? ''
    return file === `${match}.html` || file === match
  }
}
