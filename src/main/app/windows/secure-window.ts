import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'
import { resourceDir } from '../platform/resource-dir'
import { preloadPath, type PageName } from './renderer-location'
import type { WindowRegistry } from './window-registry'

/**
 * The only place Hark constructs a BrowserWindow, so every window gets the same
 * hardened preferences, written out literally for reviewers and static checks.
 */
export function createSecureWindow(
  registry: WindowRegistry,
  page: PageName,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>
): BrowserWindow {
  const win = new BrowserWindow({
    // Windows and Linux show it in the title bar and task switcher; macOS takes the bundle's.
    ...(process.platform === 'darwin' ? {} : { icon: join(resourceDir(), 'icon.png') }),
    ...options,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    }
  })
  return registry.add(win, page)
}
