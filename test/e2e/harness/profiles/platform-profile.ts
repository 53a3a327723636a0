import { NotEmulatedError } from '../electron/strict'

/**
 * A platform profile: which desktop the app believes it runs on, and what the
 * emulated APIs do there, failures included. One file per profile in this
 * folder; the fakes in ../electron/ ask `currentProfile()` instead of
 * assuming X11. README.md cites the documentation each behaviour follows.
 */

export const profileNames = [
  'linux-x11',
  'linux-wayland-gnome',
  'linux-no-tray',
  'linux-no-keyring',
  'darwin',
  'win32'
] as const
export type ProfileName = (typeof profileNames)[number]

export type StorageBackend =
  | 'gnome_libsecret'
  | 'kwallet5'
  | 'basic_text'
  | 'unavailable'
  /** macOS and Windows: always available (Keychain, DPAPI) */
  | 'keychain'
  | 'dpapi'

export interface WindowBehaviour {
  /** focus(), and show() of a focusable window, give it keyboard focus without user input */
  programmaticFocus: boolean
  /** the app may place its windows (setPosition, setBounds' x/y, the x/y options) */
  placement: boolean
  /** setAlwaysOnTop keeps a window above others */
  alwaysOnTop: boolean
}

export interface ShortcutBehaviour {
  /**
   * 'grab': the keys are grabbed directly (X11); a taken combination fails register().
   * 'portal': the GlobalShortcuts portal; register() returns true, and the keys
   * fire only when the app has an identity: its desktop name names an installed .desktop file.
   */
  mechanism: 'grab' | 'portal'
}

export interface TrayBehaviour {
  /** a status-notifier host shows tray icons; without one `new Tray` still succeeds and shows nothing */
  shown: boolean
}

export interface StorageBehaviour {
  /** what getSelectedStorageBackend() answers at launch */
  backend: StorageBackend
}

export interface PlatformProfile {
  name: ProfileName
  /** process.platform inside the app */
  platform: NodeJS.Platform
  /** the session environment the app sees; undefined removes a variable the test process has */
  env: Record<string, string | undefined>
  windows: WindowBehaviour
  shortcuts: ShortcutBehaviour
  tray: TrayBehaviour
  safeStorage: StorageBehaviour
}

/** No session variables of the machine running the tests leak into a profile. */
export const noSession: Record<string, undefined> = {
  DISPLAY: undefined,
  WAYLAND_DISPLAY: undefined,
  XDG_SESSION_TYPE: undefined,
  XDG_CURRENT_DESKTOP: undefined,
  XDG_SESSION_DESKTOP: undefined,
  DESKTOP_SESSION: undefined,
  CHROME_DESKTOP: undefined
}

/**
 * A behaviour group nobody has emulated yet for `profile`: reading any of it
 * throws, so a test under that profile fails loudly instead of passing on
 * Linux behaviour.
 */
export function notEmulated<T extends object>(profile: ProfileName, group: string): T {
  return new Proxy({} as T, {
    get(_t, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined
      throw new NotEmulatedError(`${group}.${prop} under the ${profile} profile`)
    }
  })
}
