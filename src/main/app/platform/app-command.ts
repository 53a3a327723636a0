import { app } from 'electron'

/**
 * The command line that starts this Hark with `flags`: the packaged binary,
 * or, from a checkout, Electron plus the app folder. An AppImage runs from a
 * mount that vanishes when it exits, so its command is the AppImage file
 * itself (APPIMAGE, set by the AppImage runtime).
 */
export function appCommand(flags: string[]): string[] {
  if (!app.isPackaged) return [process.execPath, app.getAppPath(), ...flags]
  return [process.env['APPIMAGE'] || process.execPath, ...flags]
}

/** `argv` as one line a desktop's command field parses back (GNOME splits it like a shell). */
export function commandLine(argv: string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')
}
