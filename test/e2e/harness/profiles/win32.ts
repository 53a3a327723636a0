import { noSession, notEmulated, type PlatformProfile } from './platform-profile'

/**
 * Windows. Not emulated yet: every behaviour throws until someone writes it
 * from Electron's documentation (drive-letter case in file: URLs,
 * windowsHide, login items…).
 */
export const win32: PlatformProfile = {
  name: 'win32',
  platform: 'win32',
  env: { ...noSession },
  windows: notEmulated('win32', 'windows'),
  shortcuts: notEmulated('win32', 'shortcuts'),
  tray: notEmulated('win32', 'tray'),
  safeStorage: notEmulated('win32', 'safeStorage')
}
