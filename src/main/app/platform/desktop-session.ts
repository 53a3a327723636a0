/**
 * What the desktop lets Hark do with its windows. On a Wayland session
 * (Electron 38+ runs there natively) the compositor alone places windows,
 * keeps them on top and gives focus, and only on the user's input: Electron
 * documents setPosition, setAlwaysOnTop, showInactive, blur and the cursor
 * position as unsupported there, and focus() as at most a notification.
 */

export interface DesktopSession {
  /** the app may place, raise and focus its windows itself */
  managesWindows: boolean
  wayland: boolean
}

export function desktopSession(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): DesktopSession {
  const wayland = platform === 'linux' && (env['XDG_SESSION_TYPE'] === 'wayland' || !!env['WAYLAND_DISPLAY'])
  return { wayland, managesWindows: !wayland }
}
