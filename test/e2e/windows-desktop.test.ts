import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import type { FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { ask, waitUntil } from '../support/e2e-actions'
import { installFakePowershell } from '../support/fake-powershell-on-path'
import { fakeLlmEnv, freshLlmAndUserData } from '../support/fresh-llm-and-user-data'
import { repoRoot } from '../support/harness-app'
import { recordTurnEvents, seenTurnEvents } from '../support/page-events'

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

  describe('its voice', () => {
    const answer = 'The harbour is quiet tonight. Boats rest at the pier. The lighthouse turns.'
    let llm: FakeLlm
    let userData: string
    freshLlmAndUserData({ text: answer }, 'hark-win32-voice-', (fresh) => ({ llm, userData } = fresh))

    test('speaks a whole answer through one PowerShell, which exits when Hark dies and its stdin closes', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hark-win32-powershell-'))
      const fake = installFakePowershell(dir, 'powershell.EXE')
      const env = { ...fakeLlmEnv(llm), ...fake.env, PATH: dir, PATHEXT: '.EXE' }
      const app = await appForTest({ profile: 'win32', userData, env })
      const page = await app.window('index')
      await recordTurnEvents(page)
      await ask(page, 'Tell me about the harbour.')
      const sentences = ['The harbour is quiet tonight.', 'Boats rest at the pier.', 'The lighthouse turns.']
      await waitUntil('all three sentences were spoken', async () => fake.spoken().length === 3)
      expect(fake.spoken()).toEqual(sentences)
      expect(fake.starts()).toHaveLength(1)
      await waitUntil('each was heard', async () => {
        const speech = (await seenTurnEvents(page)).map((s) => s.event).filter((e) => e.type === 'speech')
        return speech.filter((e) => e.state === 'finished').length === 3
      })
      const states = (await seenTurnEvents(page)).flatMap((s) => (s.event.type === 'speech' ? [s.event.state] : []))
      expect(states).toEqual(['started', 'finished', 'started', 'finished', 'started', 'finished'])
      // Windows children are not supervised: only the closing pipe tells the voice that Hark is gone
      app.kill('SIGKILL')
      await waitUntil('the voice exits', async () => fake.log().some((e) => e.exit === 'stdin closed'))
      rmSync(dir, { recursive: true, force: true })
    })
  })
})
