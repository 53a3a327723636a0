import { app } from 'electron'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import type { AppContext } from './app-context'

/**
 * Start at login, following settings.startAtLogin. macOS and Windows have
 * app.setLoginItemSettings; Linux has none, so Hark writes (or removes) an
 * XDG autostart entry. Started at login, Hark stays in the tray.
 */

export const HIDDEN_FLAG = '--hidden'

/** Was this launch the login item's? Then the main window waits in the tray. */
export function launchedAtLogin(argv: string[] = process.argv): boolean {
  return argv.includes(HIDDEN_FLAG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)
}

/** The command that starts this Hark: the packaged binary, or electron plus the app folder. */
export function launchCommand(): string[] {
  return app.isPackaged ? [process.execPath, HIDDEN_FLAG] : [process.execPath, app.getAppPath(), HIDDEN_FLAG]
}

/** An Exec= argument, quoted as the Desktop Entry spec asks. */
export function desktopExecArg(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg.replace(/%/g, '%%')
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`
}

export function autostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Hark',
    'Comment=Voice assistant that speaks while it thinks',
    `Exec=${command.map(desktopExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'autostart', 'hark.desktop')
}

export function setStartAtLogin(enabled: boolean): void {
  if (process.platform === 'linux') {
    const file = autostartFile()
    if (enabled) {
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, autostartEntry(launchCommand()))
    } else rmSync(file, { force: true })
    return
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] })
}

export function installLoginItem(ctx: Pick<AppContext, 'settings'>): void {
  let applied: boolean | null = null
  const apply = (enabled: boolean): void => {
    if (enabled === applied) return
    applied = enabled
    try {
      setStartAtLogin(enabled)
    } catch (err) {
      console.warn('[hark] could not change start at login:', err)
    }
  }
  apply(ctx.settings.get().startAtLogin)
  ctx.settings.onChange((s) => apply(s.startAtLogin))
}
