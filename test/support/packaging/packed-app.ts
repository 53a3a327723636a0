import { extractAll, listPackage } from '@electron/asar'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from '../harness-app'
import { makeStandInElectron } from './stand-in-electron'

/**
 * `npm run dist -- --dir` for linux-x64 against the stand-in Electron, into a
 * temporary folder: what electron-builder really packs, unpacked (no AppImage
 * or deb is made).
 */

export interface PackedApp {
  /** linux-unpacked: the folder an installer would copy */
  appOutDir: string
  /** its resources folder: process.resourcesPath of the packaged app */
  resources: string
  asar: string
  /** every path inside app.asar, relative, folders included */
  asarEntries: string[]
  /** a copy of `resources` with app.asar extracted to a folder of that name, for plain Node to run */
  extractedResources(): string
  remove(): void
}

const electronVersion = (): string =>
  (JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
    .version

export function packApp(): PackedApp {
  const work = mkdtempSync(join(tmpdir(), 'hark-dist-'))
  const standIn = makeStandInElectron(join(work, 'electron-dist'), electronVersion())
  const output = join(work, 'dist')
  execFileSync(
    'npm',
    [
      'run',
      '-s',
      'dist',
      '--',
      '--dir',
      '--linux',
      '--x64',
      '--publish=never',
      `-c.electronDist=${standIn}`,
      `-c.electronVersion=${electronVersion()}`,
      `-c.directories.output=${output}`
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CI: 'true' } }
  )
  const appOutDir = join(output, 'linux-unpacked')
  const resources = join(appOutDir, 'resources')
  const asar = join(resources, 'app.asar')
  let extracted: string | undefined
  return {
    appOutDir,
    resources,
    asar,
    asarEntries: listPackage(asar, { isPack: false }).map((p) => p.replace(/^[/\\]/, '')),
    extractedResources() {
      if (extracted) return extracted
      extracted = join(work, 'run', 'resources')
      cpSync(resources, extracted, { recursive: true, filter: (src) => src !== asar })
      extractAll(asar, join(extracted, 'app.asar'))
      return extracted
    },
    remove: () => rmSync(work, { recursive: true, force: true })
  }
}
