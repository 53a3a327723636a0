import { darwin } from './darwin'
import { linuxNoKeyring } from './linux-no-keyring'
import { linuxNoTray } from './linux-no-tray'
import { linuxWaylandGnome } from './linux-wayland-gnome'
import { linuxX11 } from './linux-x11'
import { profileNames, type PlatformProfile, type ProfileName } from './platform-profile'
import { win32 } from './win32'

export { profileNames, type PlatformProfile, type ProfileName }

const profiles: Record<ProfileName, PlatformProfile> = {
  'linux-x11': linuxX11,
  'linux-wayland-gnome': linuxWaylandGnome,
  'linux-no-tray': linuxNoTray,
  'linux-no-keyring': linuxNoKeyring,
  darwin,
  win32
}

export const defaultProfile: ProfileName = 'linux-x11'

export function profileNamed(name: string): PlatformProfile {
  if (!(profileNames as readonly string[]).includes(name))
    throw new Error(`harness: no platform profile '${name}' (have: ${profileNames.join(', ')})`)
  return profiles[name as ProfileName]
}
