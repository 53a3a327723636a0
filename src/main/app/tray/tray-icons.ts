import { join } from 'node:path'
import type { TrayState } from './tray-state'

/**
 * The tray image for a state on a platform (drawn by scripts/make-icons.mjs).
 * macOS gets one-colour template images the menu bar tints for light and dark;
 * Windows' notification area is 16 px; Linux panels are about 22-24 px.
 * Each file has an @2x sibling that Electron picks on high-density screens.
 */

export function resourcesDir(): string {
  // out/main/index.js in a build, and the same two levels inside a package.
  return join(__dirname, '../../resources')
}

export function trayIconFile(
  state: TrayState,
  platform: NodeJS.Platform = process.platform,
  dir = resourcesDir()
): string {
  if (platform === 'darwin') return join(dir, 'tray', `${state}Template.png`)
  const size = platform === 'win32' ? 16 : 24
  return join(dir, 'tray', `${state}-${size}.png`)
}

export const trayTooltips: Record<TrayState, string> = {
  idle: 'Hark',
  listening: 'Hark: listening…',
  speaking: 'Hark: speaking…'
}
