import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A stand-in for Electron's linux-x64 distribution, for electron-builder's
 * `electronDist` where the real zip cannot be downloaded. It has the files of
 * the real archive that electron-builder moves, renames or keeps; none of them
 * works: the `electron` executable only says it is a stand-in. Whatever the
 * test runs from the package runs in the harness, never through this binary.
 */

const EXECUTABLES = ['electron', 'chrome-sandbox', 'chrome_crashpad_handler']
const DATA_FILES = [
  'LICENSE',
  'LICENSES.chromium.html',
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'icudtl.dat',
  'libffmpeg.so',
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'locales/en-US.pak'
]

export const STAND_IN_MESSAGE = 'stand-in Electron: no real binary was available when this package was made'

export function makeStandInElectron(dir: string, version: string): string {
  mkdirSync(join(dir, 'locales'), { recursive: true })
  mkdirSync(join(dir, 'resources'), { recursive: true })
  for (const name of EXECUTABLES) {
    writeFileSync(join(dir, name), `#!/bin/sh\necho '${STAND_IN_MESSAGE}' >&2\nexit 1\n`)
    chmodSync(join(dir, name), 0o755)
  }
  for (const name of DATA_FILES) writeFileSync(join(dir, name), '')
  writeFileSync(join(dir, 'version'), version)
  return dir
}
