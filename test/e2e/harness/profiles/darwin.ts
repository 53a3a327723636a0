import { noSession, type PlatformProfile } from './platform-profile'

/**
 * macOS, started from Finder or at login. The app may focus, place and raise
 * its windows, but focusing an ordinary window activates the whole app
 * (electron/mac-desktop.ts: activation policy, Dock, panel windows); global
 * shortcuts are registered directly (a taken combination fails register());
 * the tray is a menu-bar item; safeStorage is the Keychain. The session
 * environment is launchd's: PATH is /usr/bin:/bin:/usr/sbin:/sbin, without
 * Homebrew's folders.
 */
export const darwin: PlatformProfile = {
  name: 'darwin',
  platform: 'darwin',
  env: { ...noSession, PATH: '/usr/bin:/bin:/usr/sbin:/sbin' },
  windows: { programmaticFocus: true, placement: true, alwaysOnTop: true },
  shortcuts: { mechanism: 'grab' },
  tray: { shown: true },
  safeStorage: { backend: 'keychain' }
}
