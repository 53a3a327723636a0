import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  eventually,
  launchAgainWith,
  popupShown,
  QUICK_HOTKEY,
  startQuickSession,
  windowState,
  type QuickSession
} from './quick-prompt-driver'

/**
 * GNOME on Wayland (profile linux-wayland-gnome): no focus, placement or
 * always-on-top without user input, and global shortcuts through the portal,
 * which delivers them only to an app whose desktop entry is installed.
 */

let session: QuickSession | undefined
const dirs: string[] = []
afterEach(async () => {
  await session?.close()
  session = undefined
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** An XDG_DATA_HOME holding the desktop entry the deb and AppImage install. */
function installedDesktopEntry(): string {
  const home = mkdtempSync(join(tmpdir(), 'hark-xdg-data-'))
  dirs.push(home)
  mkdirSync(join(home, 'applications'))
  writeFileSync(join(home, 'applications/io.hark.Hark.desktop'), '[Desktop Entry]\nName=Hark\nExec=hark %U\n')
  return home
}

const wayland = (env: Record<string, string> = {}): Promise<QuickSession> =>
  startQuickSession({ profile: 'linux-wayland-gnome', env: { XDG_DATA_DIRS: '/nonexistent', ...env } })

describe('Hark on GNOME Wayland', () => {
  it('opens the popup on its hotkey when installed, and a second press puts it away though it was never focused', async () => {
    session = await wayland({ XDG_DATA_HOME: installedDesktopEntry() })
    await session.app.window('index')
    await session.app.control.triggerShortcut(QUICK_HOTKEY)
    await eventually('the popup is visible', () => popupShown(session!.app))
    expect((await windowState(session.app, 'quick')).focused).toBe(false)
    await session.app.control.triggerShortcut(QUICK_HOTKEY)
    await eventually('the popup is hidden', async () => !(await popupShown(session!.app)))
    expect(session.app.output()).not.toMatch(/harness does not emulate/)
  })

  it('puts the popup away with Esc, its way out when focus never leaves it', async () => {
    session = await wayland({ XDG_DATA_HOME: installedDesktopEntry() })
    await session.app.window('index')
    await session.app.control.triggerShortcut(QUICK_HOTKEY)
    await eventually('the popup is visible', () => popupShown(session!.app))
    const popup = await session.app.window('quick')
    await session.app.control.focusWindow((await windowState(session.app, 'quick')).id) // the user clicks into it
    await popup.locator('#quick-input').press('Escape')
    await eventually('the popup is hidden', async () => !(await popupShown(session!.app)))
  })

  it('opens and closes the popup with `hark --quick-prompt`, which works where the portal does not', async () => {
    session = await wayland()
    await session.app.window('index')
    // No desktop entry installed: the portal accepted the hotkey and drops the press.
    await session.app.control.triggerShortcut(QUICK_HOTKEY)
    expect(await session.app.control.calls('globalShortcut.portal.refused')).toHaveLength(1)
    expect(await popupShown(session.app)).toBe(false)
    expect(await launchAgainWith(session.app, '--quick-prompt')).toBe(0)
    await eventually('the popup is visible', () => popupShown(session!.app))
    expect(await launchAgainWith(session.app, '--quick-prompt')).toBe(0)
    await eventually('the popup is hidden', async () => !(await popupShown(session!.app)))
    expect(session.app.output()).not.toMatch(/harness does not emulate/)
  })

  it("shows in Settings, before anything fails, the commands to bind in the desktop's keyboard settings", async () => {
    session = await wayland()
    const main = await session.app.window('index')
    await main.getByTestId('open-settings').click()
    await main.getByTestId('settings-nav-hotkeys').click()
    const help = main.getByTestId('wayland-hotkey-help')
    await expect.poll(() => help.innerText()).toMatch(/Keyboard Shortcuts/)
    const text = await help.innerText()
    expect(text).toMatch(/--toggle-talk/)
    expect(text).toMatch(/--quick-prompt/)
  })
})

describe('Hark on X11', () => {
  it('has no Wayland hotkey help in Settings', async () => {
    session = await startQuickSession()
    const main = await session.app.window('index')
    await main.getByTestId('open-settings').click()
    await main.getByTestId('settings-nav-hotkeys').click()
    await main.getByTestId('hotkey-quick-prompt').waitFor()
    expect(await main.getByTestId('wayland-hotkey-help').count()).toBe(0)
  })
})
