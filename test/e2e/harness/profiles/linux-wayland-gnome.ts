import { linuxX11 } from './linux-x11'
import { noSession, type PlatformProfile } from './platform-profile'

/**
 * Stock GNOME on Wayland, where Electron 38+ runs natively: the compositor
 * decides focus and placement (a window the app shows is not focused, cannot
 * be moved and is not kept on top), and global shortcuts go through the
 * desktop portal, which register() accepts but only delivers to an app with an
 * identity. The tray is shown, as by Ubuntu's AppIndicator extension
 * (linux-no-tray is stock GNOME without it).
 */
export const linuxWaylandGnome: PlatformProfile = {
  ...linuxX11,
  name: 'linux-wayland-gnome',
  env: {
    ...noSession,
    WAYLAND_DISPLAY: 'wayland-0',
    XDG_SESSION_TYPE: 'wayland',
    XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
    XDG_SESSION_DESKTOP: 'ubuntu',
    DESKTOP_SESSION: 'ubuntu'
  },
  windows: { programmaticFocus: false, placement: false, alwaysOnTop: false },
  shortcuts: { mechanism: 'portal' }
}
