import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { appForTest } from '../support/app-for-test'
import { waitUntil } from '../support/e2e-actions'
import { collected, collectEvent, QUICK_HOTKEY, windowState } from './quick-prompt-driver'

const PUSH_TO_TALK = 'CommandOrControl+Shift+Space'

/** Hark under the darwin profile: a regular app whose quick prompt never drags it forward. */

describe('Hark on macOS', () => {
  test('keeps its Dock icon, and summoning the quick prompt over another app neither activates Hark nor raises its main window', async () => {
    const app = await appForTest({ profile: 'darwin' })
    await app.window('index')
    // Hark has started (its window shown) before the user switches away: showing it later would bring it forward.
    await waitUntil('the main window is shown', async () => (await windowState(app, 'index')).visible)
    await app.window('quick')
    expect(await app.control.macDesktop()).toMatchObject({ policy: 'regular', dockIconShown: true })

    await app.control.switchToOtherApp()
    await app.control.triggerShortcut(QUICK_HOTKEY)
    const quick = await windowState(app, 'quick')
    const main = await windowState(app, 'index')
    await waitUntil('the popup has the keys', async () => (await windowState(app, 'quick')).focused)
    expect(await app.control.macDesktop()).toMatchObject({ activeApp: 'other', inFront: [quick.id] })
    expect(quick.options['type']).toBe('panel')

    await app.control.triggerShortcut(QUICK_HOTKEY)
    await waitUntil('the popup is put away', async () => !(await windowState(app, 'quick')).visible)
    expect(await app.control.macDesktop()).toMatchObject({ activeApp: 'other', inFront: [], dockIconShown: true })
    expect((await windowState(app, 'index')).focused).toBe(false)
    expect(main.visible).toBe(true)
  })

  test('asks for the microphone before the first recording, and says where to allow it when refused', async () => {
    const app = await appForTest({ profile: 'darwin' })
    const page = await app.window('index')
    await app.control.configure({ mediaAccessAnswer: false })
    await collectEvent(page, 'app.notice')
    await app.control.triggerShortcut(PUSH_TO_TALK)
    const [notice] = await collected<{ level: string; message: string }>(page, 'app.notice')
    expect(notice).toMatchObject({
      level: 'error',
      message: expect.stringContaining('Privacy & Security → Microphone')
    })
    expect(await app.control.calls('systemPreferences.askForMediaAccess')).toHaveLength(1)

    await app.control.triggerShortcut(PUSH_TO_TALK)
    await waitUntil('the second refusal is told too', async () => (await collected(page, 'app.notice')).length >= 2)
    // macOS remembers the answer: the prompt is not shown again
    expect(await app.control.calls('systemPreferences.askForMediaAccess')).toHaveLength(1)
  })

  test("registers no login item from a checkout, where macOS would start Electron's default app, and says why", async () => {
    const userData = mkdtempSync(join(tmpdir(), 'hark-mac-login-'))
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ startAtLogin: true }))
    const app = await appForTest({ profile: 'darwin', userData })
    const page = await app.window('index')
    await page.getByText('Start at login needs the installed Hark').first().waitFor({ timeout: 15_000 })
    expect(await app.control.loginItem()).toBeNull()
  })

  test('shows a template image in the menu bar, which macOS tints for light and dark menu bars', async () => {
    const app = await appForTest({ profile: 'darwin' })
    await app.window('index')
    const [tray] = await app.control.trays()
    expect(tray?.image).toMatchObject({ template: true, empty: false })
  })
})
