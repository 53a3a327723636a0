import { noSession, type PlatformProfile } from './platform-profile'

/**
 * Windows 10/11. Windows may be focused, placed and kept on top; global
 * shortcuts are registered directly (RegisterHotKey: a taken combination fails
 * register()); the notification area shows the tray icon; safeStorage is DPAPI.
 * Chromium writes a file URL's drive letter in capitals
 * (electron/windows-file-urls.ts).
 */
export const win32: PlatformProfile = {
  name: 'win32',
  platform: 'win32',
  env: { ...noSession },
  windows: { programmaticFocus: true, placement: true, alwaysOnTop: true },
  shortcuts: { mechanism: 'grab' },
  tray: { shown: true },
  safeStorage: { backend: 'dpapi' }
}
