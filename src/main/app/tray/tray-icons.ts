import { join } from 'node:path'
import type { TrayState } from './tray-state'

/**
 * The tray image for a state on a platform (drawn by scripts/make-icons.mjs).
 * macOS gets one-colour template images the menu bar tints for light and dark;
 * Windows' notification area is 16 px; Linux panels are about 22-24 px.
 * Each file has an @2x sibling that Electron picks on high-density screens.
 */

/** `dir` is resourceDir() in the app (app/platform/resource-dir.ts); this file stays free of electron for its tests. */
export function trayIconFile(state: TrayState, platform: NodeJS.Platform, dir: string): string {
  if (platform === 'darwin') return join(dir, 'tray', `${state}Template.png`)
  const size = platform === 'win32' ? 16 : 24
  return join(dir, 'tray', `${state}-${size}.png`)
}

export const trayTooltips: Record<TrayState, string> = {
  idle: 'Hark',
  listening: 'Hark: listening…',
  speaking: 'Hark: speaking…'
}
