#!/usr/bin/env node
// `npm start`: check Node can fetch Electron, make sure Electron's binary is
// there (electron >= 42 fetches it lazily), then build and run the app. A
// failure ends in one clear line.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { nodeVersionProblem } from './node-version.mjs'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))

function ensureElectronBinary() {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', stdio: 'pipe' })
  if (result.status === 0) return
  const reason = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/i.test(`${result.stderr}${result.stdout}`)
    ? 'it could not be downloaded (no internet access?)'
    : 'its download failed'
  fail(
    `hark: cannot start: the Electron binary is not installed and ${reason}. ` +
      'Run `npx install-electron` with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to an Electron build.'
  )
}

function fail(message) {
  console.error(message)
  process.exit(1)
}

const tooOld = nodeVersionProblem(process.versions.node)
if (tooOld) fail(tooOld)
ensureElectronBinary()
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)))
