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
 *
 * Windows runs the `path` and `args` registered, by default the bare
 * executable, which from a checkout is Electron's default app: Hark passes
 * its own command. macOS starts the app bundle, and ignores path and args:
 * from a checkout that bundle is Electron.app, so there Hark registers
 * nothing and says why instead.
 */

export const UNPACKAGED_MAC_LOGIN =
  "Start at login needs the installed Hark on macOS: from a checkout, macOS would start Electron's own app instead. Build one with npm run dist."

export const HIDDEN_FLAG = '--hidden'

/** Was this launch the login item's? Then the main window waits in the tray. */
export function launchedAtLogin(argv: string[] = process.argv): boolean {
  return argv.includes(HIDDEN_FLAG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)
}

/** The command that starts this Hark at login (see appCommand). */
export function launchCommand(): string[] {
  return appCommand([HIDDEN_FLAG])
}

/** False on an unpackaged Mac: there the login item would start Electron.app, so none is registered. */
function registersLoginItem(): boolean {
  return process.platform !== 'darwin' || app.isPackaged
}

/** What turning start at login on does here, in words for Settings: where Hark is registered, or why it is not. */
export function startAtLoginExplanation(): string {
  if (!registersLoginItem()) return UNPACKAGED_MAC_LOGIN
  if (process.platform === 'linux') return `Hark adds itself to your desktop's autostart programs (${autostartFile()}).`
  if (process.platform === 'darwin') return 'Hark adds itself to Login Items in System Settings → General.'
  return 'Hark adds itself to the startup apps in Settings → Apps → Startup.'
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
  if (process.platform === 'darwin') {
    if (!registersLoginItem()) throw new Error(UNPACKAGED_MAC_LOGIN)
    app.setLoginItemSettings({ openAtLogin: enabled })
    return
  }
  const [path, ...args] = launchCommand()
  app.setLoginItemSettings({ openAtLogin: enabled, path, args })
}

export function installLoginItem(ctx: Pick<AppContext, 'settings' | 'registry'>): void {
  let applied: boolean | null = null
  const apply = (enabled: boolean): void => {
    if (enabled === applied) return
    applied = enabled
    // Turning it off on an unpackaged Mac has nothing to undo: nothing was registered.
    if (!enabled && !registersLoginItem()) return
    try {
      setStartAtLogin(enabled)
    } catch (err) {
      const message = `Could not change start at login. ${err instanceof Error ? err.message : String(err)}`
      console.warn(`[hark] ${message}`)
      ctx.settings.notices.push(message)
      ctx.registry.broadcast('app.notice', { level: 'warning', message })
    }
  }
  apply(ctx.settings.get().startAtLogin)
  ctx.settings.onChange((s) => apply(s.startAtLogin))
}
