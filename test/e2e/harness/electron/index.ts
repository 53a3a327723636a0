import { fakeApp } from './app'
import { FakeBrowserWindow } from './browser-window'
import { startControlServer } from './control-server'
import { clipboard, dialog, nativeTheme, Notification, powerMonitor, shell, systemPreferences } from './desktop'
import { globalShortcut } from './global-shortcut'
import { installElectronErrorDefault } from './main-process-errors'
import { ipcMain } from './ipc-main'
import { FakeMenu, FakeMenuItem } from './menu'
import { nativeImage } from './native-image'
import { safeStorage } from './safe-storage'
import { screen } from './screen'
import { session } from './session'
import { strict } from './strict'
import { FakeTray } from './tray'
import { FakeWebContents } from './web-contents'

/**
 * The module `require('electron')` returns inside the app's process. Each
 * part is strict: touching an API the harness lacks throws a clear error.
 */
export function createFakeElectron(): object {
  installElectronErrorDefault()
  startControlServer()
  return strict('electron', {
    app: strict('app', fakeApp),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: strict('ipcMain', ipcMain),
    webContents: { fromId: FakeWebContents.fromId, getAllWebContents: FakeWebContents.getAllWebContents },
    Tray: FakeTray,
    Menu: FakeMenu,
    MenuItem: FakeMenuItem,
    nativeImage: strict('nativeImage', nativeImage),
    globalShortcut: strict('globalShortcut', globalShortcut),
    safeStorage: strict('safeStorage', safeStorage),
    screen: strict('screen', screen),
    session,
    shell: strict('shell', shell),
    dialog: strict('dialog', dialog),
    Notification,
    nativeTheme: strict('nativeTheme', nativeTheme),
    systemPreferences: strict('systemPreferences', systemPreferences),
    clipboard: strict('clipboard', clipboard),
    powerMonitor: strict('powerMonitor', powerMonitor)
  })
}
