import { noSession, type PlatformProfile } from './platform-profile'

/**
 * Linux on an X11 session (GNOME on Xorg, or any X11 desktop with a tray host
 * and a Secret Service keyring): the app may focus, place and raise its
 * windows, grabs its global keys itself, and its tray icon is shown.
 */
export const linuxX11: PlatformProfile = {
  name: 'linux-x11',
  platform: 'linux',
  env: {
    ...noSession,
    DISPLAY: ':0',
    XDG_SESSION_TYPE: 'x11',
    XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
    XDG_SESSION_DESKTOP: 'ubuntu-xorg',
    DESKTOP_SESSION: 'ubuntu-xorg'
  },
  windows: { programmaticFocus: true, placement: true, alwaysOnTop: true },
  shortcuts: { mechanism: 'grab' },
  tray: { shown: true },
  safeStorage: { backend: 'gnome_libsecret' }
}
