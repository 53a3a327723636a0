import { linuxX11 } from './linux-x11'
import type { PlatformProfile } from './platform-profile'

/**
 * Linux with no Secret Service and no KWallet (a minimal window manager, a
 * kiosk): safeStorage falls back to `basic_text`, and encryption is
 * unavailable until the app calls setUsePlainTextEncryption(true).
 */
export const linuxNoKeyring: PlatformProfile = {
  ...linuxX11,
  name: 'linux-no-keyring',
  env: { ...linuxX11.env, XDG_CURRENT_DESKTOP: 'i3', XDG_SESSION_DESKTOP: 'i3', DESKTOP_SESSION: 'i3' },
  safeStorage: { backend: 'basic_text' }
}
