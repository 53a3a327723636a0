import { linuxX11 } from './linux-x11'
import type { PlatformProfile } from './platform-profile'

/**
 * Linux with no status-notifier host (stock GNOME without the AppIndicator
 * extension): `new Tray` succeeds, its menu can be set, and nothing appears,
 * so the user can never click it.
 */
export const linuxNoTray: PlatformProfile = {
  ...linuxX11,
  name: 'linux-no-tray',
  env: { ...linuxX11.env, XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_DESKTOP: 'gnome', DESKTOP_SESSION: 'gnome' },
  tray: { shown: false }
}
