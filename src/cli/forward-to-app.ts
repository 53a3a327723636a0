import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The flags the running app acts on: push-to-talk and the quick-prompt popup. */
export const appFlags = ['--toggle-talk', '--quick-prompt'] as const
export type AppFlag = (typeof appFlags)[number]

/**
 * `hark --toggle-talk` / `hark --quick-prompt`: starts a second app instance
 * with the flag; Electron's single-instance lock hands the argv to the running
 * Hark (which does what the hotkey does) and the new instance quits. Desktops
 * bind their own keys to these.
 */
export function forwardToApp(flag: AppFlag, appRoot: string = resolve(__dirname, '../..')): number {
  const electron = electronBinary(appRoot)
  if (!electron) {
    process.stderr.write(
      'hark: cannot reach the app: the Electron binary is not installed. Run `npm start` once with internet access.\n'
    )
    return 1
  }
  const child = spawn(electron, [appRoot, flag], { detached: true, stdio: 'ignore', windowsHide: true })
  child.on('error', (err) => process.stderr.write(`hark: could not start Electron: ${err.message}\n`))
  child.unref()
  return 0
}

function electronBinary(appRoot: string): string | null {
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) return join(process.env['ELECTRON_OVERRIDE_DIST_PATH'], 'electron')
  try {
    const pkgDir = dirname(require.resolve('electron/package.json', { paths: [appRoot] }))
    const rel = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim()
    const bin = join(pkgDir, 'dist', rel)
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}
