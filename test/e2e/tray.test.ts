import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TrayState } from './harness/control-api'
import {
  askInPopup,
  collected,
  collectEvent,
  eventually,
  expectPopupReady,
  QUICK_HOTKEY,
  recordTurnEvents,
  turnEvents,
  windowState,
  type QuickSession
} from './quick-prompt-driver'
import { quickSessionForTest } from '../support/quick-session-for-test'

async function theTray(s: QuickSession): Promise<TrayState> {
  const trays = (await s.app.control.trays()).filter((t) => !t.destroyed)
  expect(trays).toHaveLength(1)
  return trays[0]!
}

const imageOf = (t: TrayState): string => (t.image as { image: string }).image

describe('the tray', () => {
  it('shows a real icon and the whole menu, with the quick-prompt hotkey', async () => {
    const session = await quickSessionForTest()
    await session.app.window('index')
    const tray = await theTray(session)
    expect(imageOf(tray)).toMatch(/resources\/tray\/idle-24\.png$/)
    expect(tray.image).toMatchObject({ empty: false, width: 24, height: 24 })
    const items = (tray.menu ?? []).filter((i) => i.type !== 'separator')
    expect(items.map((i) => i.label)).toEqual([
      'Quick prompt…',
      'Push to talk',
      'Talk mode',
      'Stop speaking',
      'Mute voice',
      'Open Hark',
      'Settings',
      'Quit'
    ])
    expect(items[0]!.accelerator).toBe(QUICK_HOTKEY)
  })

  it('opens the quick-prompt popup from its menu', async () => {
    const session = await quickSessionForTest()
    await session.app.window('index')
    expect((await windowState(session.app, 'quick')).visible).toBe(false) // pre-created, hidden
    await session.app.control.clickTrayItem(['Quick prompt…'])
    await expectPopupReady(session.app)
  })

  it('shows the speaking icon while an answer is spoken, then idle again', async () => {
    const session = await quickSessionForTest({ llm: { text: 'One short sentence here. And another one after it.' } })
    await session.app.window('index')
    await session.app.control.clickTrayItem(['Quick prompt…'])
    const page = await expectPopupReady(session.app)
    const seen = new Set<string>()
    const watch = setInterval(() => {
      void theTray(session!).then(
        (t) => seen.add(imageOf(t).replace(/^.*\//, '')),
        () => {}
      )
    }, 20)
    try {
      await askInPopup(page, 'Say two things')
      await eventually('the tray showed the speaking icon', () => seen.has('speaking-24.png'), 30_000)
      await eventually(
        'the tray is idle again',
        async () => imageOf(await theTray(session!)).endsWith('idle-24.png'),
        60_000
      )
    } finally {
      clearInterval(watch)
    }
  })

  it('keeps its menu while an answer is spoken: a new menu would close the one the user has open', async () => {
    const session = await quickSessionForTest({ llm: { text: 'One short sentence here. And another one after it.' } })
    await session.app.window('index')
    await session.app.control.clickTrayItem(['Quick prompt…'])
    const page = await expectPopupReady(session.app)
    const menusBefore = (await session.app.control.calls('Tray.setContextMenu')).length
    await recordTurnEvents(page)
    await askInPopup(page, 'Say two things')
    await eventually(
      'both sentences were spoken',
      async () => (await turnEvents(page)).filter((e) => e.type === 'speech' && e.state === 'finished').length === 2,
      60_000
    )
    expect((await session.app.control.calls('Tray.setContextMenu')).length).toBe(menusBefore)
  })

  it('mutes the voice from its checkbox, and remembers it', async () => {
    const session = await quickSessionForTest()
    await session.app.window('index')
    await session.app.control.clickTrayItem(['Mute voice'])
    await eventually(
      'the menu shows Mute checked',
      async () => (await theTray(session!)).menu?.find((i) => i.label === 'Mute voice')?.checked === true
    )
    const saved = JSON.parse(readFileSync(join(session.app.userData, 'settings.json'), 'utf8')) as {
      speech: { muted: boolean }
    }
    expect(saved.speech.muted).toBe(true)
  })

  it('sends the main window to Settings', async () => {
    const session = await quickSessionForTest()
    const main = await session.app.window('index')
    await collectEvent(main, 'app.navigate')
    await session.app.control.clickTrayItem(['Settings'])
    expect(await collected(main, 'app.navigate')).toEqual([{ view: 'settings' }])
    expect((await windowState(session.app, 'index')).visible).toBe(true)
  })

  it('keeps Hark running when the main window is closed, once the user says the tray is shown, and Quit really quits', async () => {
    // On Linux Electron cannot tell whether the desktop shows tray icons: the user says so (no-tray.test.ts).
    const session = await quickSessionForTest({ settings: { keepRunningInTray: true } })
    await session.app.window('index')
    const main = await windowState(session.app, 'index')
    await session.app.control.closeWindow(main.id)
    await eventually('the main window is hidden', async () => !(await windowState(session.app, 'index')).visible)
    let exited = false
    void session.app.exited.then(() => (exited = true))
    await new Promise((r) => setTimeout(r, 500))
    expect(exited).toBe(false)
    // The hotkey still works with no window open.
    await session.app.control.triggerShortcut(QUICK_HOTKEY)
    await expectPopupReady(session.app)
    // Open Hark brings the same window back.
    await session.app.control.clickTrayItem(['Open Hark'])
    await eventually('the main window is back', async () => (await windowState(session.app, 'index')).visible)
    expect((await windowState(session.app, 'index')).id).toBe(main.id)

    await session.app.control.clickTrayItem(['Quit'])
    const exit = await Promise.race([
      session.app.exited,
      new Promise((r) => setTimeout(() => r('still running'), 15_000))
    ])
    expect(exit).toEqual({ code: 0, signal: null })
  })
})
