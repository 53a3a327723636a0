import { describe, expect, it } from 'vitest'
import { eventually, windowState } from './quick-prompt-driver'
import { quickSessionForTest } from '../support/quick-session-for-test'

/**
 * Stock GNOME without the AppIndicator extension (profile linux-no-tray):
 * `new Tray` succeeds and nothing is shown, so there is no tray to hide in.
 */

describe('Hark where no tray is shown', () => {
  it('quits when the main window is closed, instead of hiding where nothing brings it back', async () => {
    const session = await quickSessionForTest({ profile: 'linux-no-tray' })
    await session.app.window('index')
    await session.app.control.closeWindow((await windowState(session.app, 'index')).id)
    const exit = await Promise.race([
      session.app.exited,
      new Promise((r) => setTimeout(() => r('still running'), 15_000))
    ])
    expect(exit).toEqual({ code: 0, signal: null })
  })

  it('shows the main window when started at login', async () => {
    const session = await quickSessionForTest({ profile: 'linux-no-tray', args: ['--hidden'] })
    await eventually('the main window is shown', async () =>
      (await session.app.windows()).some((w) => w.options['title'] === 'Hark' && w.visible)
    )
  })
})
