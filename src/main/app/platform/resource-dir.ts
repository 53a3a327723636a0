import { app } from 'electron'
import { join } from 'node:path'

/**
 * The folder holding Hark's own files: chimes, tray icons, the app icon. A
 * package keeps them outside app.asar, in Electron's resources folder
 * (electron-builder.yml's extraResources), because other programs open some
 * of them (paplay, afplay and PowerShell cannot read inside an asar). From a
 * checkout they are the repository's resources/.
 */
export function resourceDir(): string {
  return app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
}
