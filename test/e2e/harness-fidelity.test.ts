import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { launchHarnessApp, repoRoot } from '../support/harness-app'
import type { LaunchedApp, LaunchOptions } from '../support/app-launcher'
import { screenshotsOnFailure } from '../support/app-for-test'

/**
 * The harness's own contract, checked with a tiny fixture app: the fake
 * electron behaves like Electron where Hark's tests rely on it (IPC, tray,
 * global keys, quit sequence, single instance, safeStorage), and says so
 * loudly where it does not emulate something.
 */

const main = join(repoRoot, 'test/e2e/harness/fixture/main.cjs')
const userData = mkdtempSync(join(tmpdir(), 'hark-harness-fixture-'))
const launch = (opts: LaunchOptions = {}): Promise<LaunchedApp> =>
  launchHarnessApp({ main, userData, takenShortcuts: ['Alt+Space'], ...opts })

async function logged(app: LaunchedApp, line: string | RegExp, timeoutMs = 10_000): Promise<void> {
  await expect.poll(() => app.output(), { timeout: timeoutMs }).toMatch(line)
}

describe('the harness fake electron', () => {
  let app: LaunchedApp
  let page: Page

  beforeAll(async () => {
    app = await launch()
    page = await app.window('page')
  })
  afterAll(async () => {
    await app?.close()
    rmSync(userData, { recursive: true, force: true })
  })
  screenshotsOnFailure(() => app)

  test('shows the window after ready-to-show and reports its state', async () => {
    await logged(app, '[fixture] ready-to-show')
    const [win] = await app.windows()
    expect(win).toMatchObject({ title: 'Fixture', visible: true, focused: true, bounds: { width: 420, height: 300 } })
    expect(await page.locator('h1').innerText()).toBe('Harness fixture')
  })

  test('routes invoke to ipcMain with the real sender and frame, and rejects like Electron', async () => {
    const results = await page.evaluate(async () => {
      const f = (window as unknown as { fixture: { invoke(c: string, ...a: unknown[]): Promise<unknown> } }).fixture
      const message = (p: Promise<unknown>) =>
        p.then(
          () => 'resolved',
          (e: Error) => e.message
        )
      return {
        who: await f.invoke('who', 7),
        fails: await message(f.invoke('fails')),
        missing: await message(f.invoke('nope'))
      }
    })
    expect(results.who).toEqual({
      url: expect.stringMatching(/^file:\/\/.*\/fixture\/page\.html$/),
      ours: true,
      echo: 7
    })
    expect(results.fails).toBe("Error invoking remote method 'fails': Error: handler failed")
    expect(results.missing).toBe("Error invoking remote method 'nope': No handler registered for 'nope'")
  })

  test('keeps the tray menu clickable by label, checkbox toggling before the handler runs', async () => {
    const [tray] = await app.control.trays()
    expect(tray).toMatchObject({ tooltip: 'ready', image: { empty: false, width: 24, height: 24 } })
    expect(tray!.menu!.map((i) => i.label)).toEqual(['Show', 'Mute', '', 'More', 'Quit'])
    await app.control.clickTrayItem(['Mute'])
    await expect.poll(async () => (await app.control.trays())[0]!.tooltip).toBe('muted')
    await expect.poll(() => page.locator('#events').innerText()).toContain('muted: true')
    await expect(app.control.clickTrayItem(['More', 'Disabled'])).rejects.toThrow(/disabled/)
    await expect(app.control.clickTrayItem(['Nothing'])).rejects.toThrow(/no menu item 'Nothing'/)
  })

  test('reports a throwing menu handler as the app’s uncaught exception, not the test’s', async () => {
    await app.control.clickTrayItem(['More', 'Throws'])
    await logged(app, /A JavaScript error occurred in the main process\nUncaught Exception:\nError: menu handler bug/)
    expect((await app.windows()).length).toBe(1) // and the app runs on, as under Electron
  })

  test('registers global shortcuts for real and lets the test press them', async () => {
    await logged(app, '[fixture] register hotkey true')
    await logged(app, '[fixture] register taken false')
    expect(await app.control.shortcuts()).toEqual(['CommandOrControl+Shift+H'])
    await app.control.triggerShortcut('Control+Shift+H')
    await expect.poll(() => page.locator('#events').innerText()).toContain('hotkey: pressed')
    await expect(app.control.triggerShortcut('Alt+Space')).rejects.toThrow(/no global shortcut registered/)
  })

  test('names any API it does not emulate', async () => {
    const message = await page.evaluate(() =>
      (window as unknown as { fixture: { invoke(c: string): Promise<string> } }).fixture.invoke('unemulated')
    )
    expect(message).toMatch(/harness does not emulate electron\.desktopCapturer/)
  })

  test('encrypts with safeStorage: never plain text on disk', async () => {
    const backend = await page.evaluate(() =>
      (window as unknown as { fixture: { invoke(c: string, s: string): Promise<string> } }).fixture.invoke(
        'store',
        'sk-very-secret'
      )
    )
    expect(backend).toBe('gnome_libsecret')
    const onDisk = readFileSync(join(userData, 'secret.bin'))
    expect(onDisk.toString('latin1')).not.toContain('sk-very-secret')
    expect(
      await page.evaluate(() =>
        (window as unknown as { fixture: { invoke(c: string): Promise<string> } }).fixture.invoke('load')
      )
    ).toBe('sk-very-secret')
  })

  test('hands a second launch with the same userData over to the first, which keeps running', async () => {
    const second = await launch({ env: { HARK_FIXTURE_MARK: '1' } })
    expect(await second.exited).toEqual({ code: 0, signal: null })
    expect(second.output()).toContain('[fixture] not the first instance')
    await second.close()
    await logged(app, /\[fixture\] second-instance .*main\.cjs/)
  })

  test('lets a window veto its close, then quits in Electron’s order', async () => {
    const [win] = await app.windows()
    await app.control.closeWindow(win!.id)
    await logged(app, '[fixture] close vetoed')
    expect(await app.windows()).toMatchObject([{ visible: false }])
    await app.control.clickTrayItem(['Quit'])
    expect(await app.exited).toEqual({ code: 0, signal: null })
    const order = app.output().match(/\[fixture\] (before-quit|will-quit|quit)$/gm)
    expect(order).toEqual(['[fixture] before-quit', '[fixture] will-quit', '[fixture] quit'])
  })

  test('a relaunch reads what the last run stored; SIGKILL ends it at once', async () => {
    const again = await launch()
    try {
      const p = await again.window('page')
      expect(
        await p.evaluate(() =>
          (window as unknown as { fixture: { invoke(c: string): Promise<string> } }).fixture.invoke('load')
        )
      ).toBe('sk-very-secret')
      again.kill('SIGKILL')
      expect(await again.exited).toEqual({ code: null, signal: 'SIGKILL' })
    } finally {
      await again.close()
    }
  })
})
