import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The app's identity on a Linux desktop, as Electron derives it: the name
 * given to app.setDesktopName before 'ready', else package.json's
 * `desktopName`, else a slug of the app's name ("My App" -> my-app.desktop).
 * xdg-desktop-portal resolves it to an installed .desktop file in
 * $XDG_DATA_HOME/applications or $XDG_DATA_DIRS/<dir>/applications.
 */

let desktopName: string | null = null

export function setDesktopName(name: string): void {
  desktopName = name.endsWith('.desktop') ? name : `${name}.desktop`
}

export function defaultDesktopName(pkg: { desktopName?: string; name: string }): string {
  return pkg.desktopName ?? `${pkg.name.toLowerCase().replace(/\s+/g, '-')}.desktop`
}

export function currentDesktopName(): string | null {
  return desktopName
}

function applicationDirs(env: NodeJS.ProcessEnv): string[] {
  const home = env['XDG_DATA_HOME'] || join(homedir(), '.local/share')
  const dirs = (env['XDG_DATA_DIRS'] || '/usr/local/share:/usr/share').split(':').filter(Boolean)
  return [home, ...dirs].map((d) => join(d, 'applications'))
}

/** What the portal sees: the app id, and whether it names an installed, reverse-DNS .desktop file. */
export function portalIdentity(env: NodeJS.ProcessEnv = process.env): { appId: string | null; installed: boolean } {
  const file = desktopName
  const appId = file ? file.replace(/\.desktop$/, '') : null
  const reverseDns = !!appId && /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/.test(appId)
  return { appId, installed: reverseDns && applicationDirs(env).some((d) => existsSync(join(d, file!))) }
}
