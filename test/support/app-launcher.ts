import { launchElectronApp, realElectronInstalled } from './electron-app'
import { launchHarnessApp } from './harness-app'
import type { LaunchedApp, LaunchOptions } from './launched-app'

export type { LaunchedApp, LaunchOptions, WindowMatch, WindowState, Controls } from './launched-app'

/**
 * Starts the built app for an end-to-end test: in the harness, where only
 * Electron's native parts are emulated, unless HARK_ELECTRON=1 asks for real
 * Electron (see launcherKind).
 */
export function launchApp(opts: LaunchOptions = {}): Promise<LaunchedApp> {
  return launcherKind(process.env, realElectronInstalled()) === 'electron'
    ? launchElectronApp(opts)
    : launchHarnessApp(opts)
}

/**
 * Only HARK_ELECTRON=1 switches to real Electron: a binary that `npm start`
 * happened to download must not change what `npm test` runs. Asked for but
 * missing, it fails at once instead of falling back.
 */
export function launcherKind(env: NodeJS.ProcessEnv, electronInstalled: boolean): 'harness' | 'electron' {
  if (env['HARK_ELECTRON'] !== '1') return 'harness'
  if (!electronInstalled)
    throw new Error(
      'HARK_ELECTRON=1, but the Electron binary is not installed: run `npx install-electron` with internet access (Node 20.19+ or 22.12+)'
    )
  return 'electron'
}
