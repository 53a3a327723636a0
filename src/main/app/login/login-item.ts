import { app } from 'electron'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { AppContext } from '../app-context'
import { appCommand } from '../platform/app-command'
import { autostartEntry, autostartFile } from './autostart-entry'

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

/** The command that starts this Hark at login (see appCommand). */
export function launchCommand(): string[] {
  return appCommand([HIDDEN_FLAG])
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
