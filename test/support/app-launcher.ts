import { launchElectronApp, realElectronAvailable } from './electron-app'
import { launchHarnessApp } from './harness-app'
import type { LaunchedApp, LaunchOptions } from './launched-app'

export type { LaunchedApp, LaunchOptions, WindowMatch, WindowState, Controls } from './launched-app'

/**
 * Starts the built app for an end-to-end test: under real Electron when a
 * binary is installed (or HARK_ELECTRON=1), else in the harness, where only
 * Electron's native parts are emulated. HARK_ELECTRON=0 forces the harness.
 */
export function launchApp(opts: LaunchOptions = {}): Promise<LaunchedApp> {
  const useElectron = process.env['HARK_ELECTRON'] !== '0' && realElectronAvailable()
  return useElectron ? launchElectronApp(opts) : launchHarnessApp(opts)
}
