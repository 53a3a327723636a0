import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * The production application menu, replacing Electron's default one, whose
 * View menu offers Reload and the developer tools to every user. What is
 * kept: the Edit menu, because on macOS the copy, paste and undo shortcuts of
 * text fields are its menu items; on macOS the app menu (About, Hide, Quit)
 * and the Window menu users expect; elsewhere File (Quit).
 */
export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]
  return [{ role: 'fileMenu' }, { role: 'editMenu' }]
}

export function installApplicationMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform)))
}
