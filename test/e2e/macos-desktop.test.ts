import { describe, expect, test } from 'vitest'
import { appForTest } from '../support/app-for-test'
import { waitUntil } from '../support/e2e-actions'
import { QUICK_HOTKEY, windowState } from './quick-prompt-driver'

/** Hark under the darwin profile: a regular app whose quick prompt never drags it forward. */

describe('Hark on macOS', () => {
  test('keeps its Dock icon, and summoning the quick prompt over another app neither activates Hark nor raises its main window', async () => {
    const app = await appForTest({ profile: 'darwin' })
    await app.window('index')
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
})
