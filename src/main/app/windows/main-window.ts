import { nativeTheme, type BrowserWindow } from 'electron'
import { createSecureWindow } from './secure-window'
import { pageUrl } from './renderer-location'
import type { WindowRegistry } from './window-registry'

export function createMainWindow(registry: WindowRegistry): BrowserWindow {
  const win = createSecureWindow(registry, 'index', {
    width: 980,
    height: 720,
    minWidth: 480,
    minHeight: 360,
    show: false,
    title: 'Hark',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff'
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(pageUrl('index'))
  return win
}
