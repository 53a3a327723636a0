import { existsSync, statSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'

/**
 * Where Electron says the app lives: `app.isPackaged`, `app.getAppPath()` and
 * `process.resourcesPath`.
 *
 * From a checkout, Electron runs its own binary, so `process.resourcesPath` is
 * the resources folder of node_modules/electron/dist, which holds none of
 * Hark's files. A packaged launch (HARK_HARNESS_RESOURCES_PATH, set by
 * launchHarnessApp's `packagedResources`) is a package's resources folder:
 * the app is `<resources>/app.asar` and the main script runs from inside it.
 * Plain Node cannot read an asar archive, so the test extracts it into a
 * folder of that name first; anything else fails here, loudly.
 */

export interface AppLocation {
  isPackaged: boolean
  /** app.getAppPath() when packaged; unpackaged, the folder of the nearest package.json */
  appPath?: string
}

const electronDistResources = resolve(__dirname, '../../../../node_modules/electron/dist/resources')

export function appLocation(
  env: NodeJS.ProcessEnv = process.env,
  mainScript: string | undefined = process.argv[1]
): AppLocation {
  const resources = env['HARK_HARNESS_RESOURCES_PATH']
  if (!resources) {
    setResourcesPath(electronDistResources)
    return { isPackaged: false }
  }
  const appPath = join(resources, 'app.asar')
  if (!existsSync(appPath) || !statSync(appPath).isDirectory())
    throw new Error(`harness: a packaged launch needs ${appPath} extracted to a folder (Node cannot read an asar)`)
  if (!existsSync(join(appPath, 'package.json'))) throw new Error(`harness: ${appPath} has no package.json`)
  if (!mainScript || !resolve(mainScript).startsWith(appPath + sep))
    throw new Error(`harness: a packaged app runs its main script from ${appPath}, not ${mainScript}`)
  setResourcesPath(resources)
  return { isPackaged: true, appPath }
}

/** Electron's process.resourcesPath is a plain, read-only property. */
function setResourcesPath(value: string): void {
  Object.defineProperty(process, 'resourcesPath', { value, enumerable: true, configurable: true })
}
