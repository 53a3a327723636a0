import { currentProfile } from './profile'
import { NotEmulatedError } from './strict'

/**
 * What starts at login after app.setLoginItemSettings, per Electron's docs:
 * on Windows a Run registry value launching `path` (default process.execPath)
 * with `args` (default none); on macOS the app bundle itself (SMAppService's
 * main app on macOS 13+; path and args are Windows-only), which from a
 * checkout is Electron.app, the default app; Linux has no login items.
 */

export interface LoginItemSettings {
  openAtLogin?: boolean
  openAsHidden?: boolean
  path?: string
  args?: string[]
  [key: string]: unknown
}

/** The command the system will run at login, or the default app Electron.app starts. */
export type LoginLaunch = string[] | 'electron-default-app' | null

export function loginLaunch(settings: LoginItemSettings, isPackaged: boolean): LoginLaunch {
  const platform = currentProfile().platform
  if (platform === 'linux') throw new NotEmulatedError('app.setLoginItemSettings on Linux (macOS and Windows only)')
  if (!settings.openAtLogin) return null
  if (platform === 'win32') return [settings.path ?? process.execPath, ...(settings.args ?? [])]
  return isPackaged ? [process.execPath] : 'electron-default-app'
}
