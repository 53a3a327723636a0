import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { appForTest } from '../support/app-for-test'
import { repoRoot } from '../support/harness-app'

/**
 * Hark under the win32 profile. The built app runs from a "drive" spelled in
 * lower case (c\hark\out, as when a shell reports c:\), while Chromium reports
 * its pages with the capital drive letter (harness/electron/windows-file-urls.ts).
 */

const driveRoot = join(repoRoot, 'test-results', `win32-drive-${process.pid}`)
afterAll(() => rmSync(driveRoot, { recursive: true, force: true }))

function bundleOnLowerCaseDrive(): string {
  rmSync(driveRoot, { recursive: true, force: true })
  const bundle = join(driveRoot, 'c', 'hark', 'out')
  mkdirSync(bundle, { recursive: true })
  cpSync(join(repoRoot, 'out'), bundle, { recursive: true })
  symlinkSync('c', join(driveRoot, 'C'))
  return bundle
}

describe('Hark on Windows', () => {
  test("answers its own windows' calls when Chromium writes the drive letter in another case than __dirname", async () => {
    const app = await appForTest({
      profile: 'win32',
      bundleDir: bundleOnLowerCaseDrive(),
      env: { HARK_HARNESS_DRIVE_ROOT: driveRoot }
    })
    const page = await app.window('index')
    expect(page.url()).toContain('/C/hark/out/renderer/index.html')
    const info = await page.evaluate(() => window.hark.invoke('app.info', {}))
    expect(info).toMatchObject({ platform: 'win32' })
  })

  test('starts Hark itself at login from a checkout, not the bare Electron default app', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'hark-win32-login-'))
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ startAtLogin: true }))
    const app = await appForTest({ profile: 'win32', userData })
    await app.window('index')
    // the harness's "electron.exe" is the node that runs the main bundle
    expect(await app.control.loginItem()).toEqual([process.execPath, repoRoot, '--hidden'])
  })
})
