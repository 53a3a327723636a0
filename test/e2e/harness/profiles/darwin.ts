import { noSession, notEmulated, type PlatformProfile } from './platform-profile'

/**
 * macOS. Not emulated yet: every behaviour throws until someone writes it
 * from Electron's documentation (activation policy and Dock, panel windows,
 * template images, a GUI launch's minimal PATH…).
 */
export const darwin: PlatformProfile = {
  name: 'darwin',
  platform: 'darwin',
  env: { ...noSession },
  windows: notEmulated('darwin', 'windows'),
  shortcuts: notEmulated('darwin', 'shortcuts'),
  tray: notEmulated('darwin', 'tray'),
  safeStorage: notEmulated('darwin', 'safeStorage')
}
