import { describe, expect, it } from 'vitest'
import { DEFAULT_ANSWER } from '../fake-llm'
import type { TurnEvent } from '../../src/shared/turn-events'
import {
  askEach,
  askInPopup,
  collected,
  collectEvent,
  conversationTitles,
  eventually,
  expectPopupReady,
  popupShown,
  QUICK_HOTKEY,
  recordTurnEvents,
  summonPopup,
  turnEvents,
  waitForStatus,
  windowState,
  type QuickSession
} from './quick-prompt-driver'
import { quickSessionForTest } from '../support/quick-session-for-test'

const slowly = { timing: { chunkSize: 6, delayMs: 25 } }

const ofType = <T extends TurnEvent['type']>(events: TurnEvent[], type: T) =>
  events.filter((e): e is Extract<TurnEvent, { type: T }> => e.type === type)

describe('the quick-prompt popup', () => {
  it('opens on its global hotkey, and a second press puts it away', async () => {
    const session = await quickSessionForTest()
    await summonPopup(session)
    const { bounds } = await windowState(session.app, 'quick')
    expect(bounds.width).toBeLessThanOrEqual(600) // small, on the display's work area
    expect(bounds.y).toBeGreaterThanOrEqual(32)
    await session.app.control.triggerShortcut(QUICK_HOTKEY)
    await eventually('the popup is hidden', async () => !(await popupShown(session.app)))
  })

  it('streams the answer live and speaks it sentence by sentence, in order', async () => {
    const session = await quickSessionForTest({ llm: slowly })
    const page = await summonPopup(session)
    await recordTurnEvents(page)
    // Every length the answer showed, to prove it grew while streaming.
    await page.evaluate(() => {
      const w = window as unknown as { __lengths: number[] }
      w.__lengths = []
      new MutationObserver(() =>
        w.__lengths.push(document.querySelector('#quick-answer')?.textContent?.length ?? 0)
      ).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true
      })
    })
    await askInPopup(page, 'Describe the town')
    await waitForStatus(page, 'done')
    expect((await page.locator('#quick-answer').textContent())?.trim()).toBe(DEFAULT_ANSWER)
    const lengths = await page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths)
    expect(new Set(lengths.filter((n) => n > 0 && n < DEFAULT_ANSWER.length)).size).toBeGreaterThan(3)

    // Every utterance is spoken, one after another, in answer order.
    await eventually(
      'all utterances were spoken',
      async () => {
        const events = await turnEvents(page)
        const utterances = ofType(events, 'utterance')
        return (
          utterances.length > 1 &&
          ofType(events, 'speech').filter((s) => s.state === 'finished').length === utterances.length
        )
      },
      90_000
    )
    const events = await turnEvents(page)
    const speech = ofType(events, 'speech')
    const started = speech.filter((s) => s.state === 'started').map((s) => s.index)
    expect(started).toEqual(ofType(events, 'utterance').map((u) => u.index))
    expect(started).toEqual([...started].sort((a, b) => a - b))
    // one voice at a time: each starts after the previous finished
    speech.forEach((s, i) => expect(s.state).toBe(i % 2 === 0 ? 'started' : 'finished'))
    expect(
      ofType(events, 'utterance')
        .map((u) => u.text)
        .join(' ')
    ).toBe(DEFAULT_ANSWER.replace('’', '’'))
  })

  it('stops speaking on Esc, and closes on a second Esc', async () => {
    const session = await quickSessionForTest({ llm: slowly })
    const page = await summonPopup(session)
    await recordTurnEvents(page)
    await askInPopup(page, 'Describe the town')
    await eventually(
      'the voice started',
      async () => ofType(await turnEvents(page), 'speech').some((s) => s.state === 'started'),
      30_000
    )
    await page.keyboard.press('Escape')
    await waitForStatus(page, 'stopped', 'done')
    expect(await popupShown(session.app)).toBe(true)
    await eventually('the voice was cut off', async () =>
      ofType(await turnEvents(page), 'speech').some((s) => s.state === 'cancelled')
    )
    const spokenBefore = ofType(await turnEvents(page), 'speech').filter((s) => s.state === 'started').length
    await new Promise((r) => setTimeout(r, 1500))
    expect(ofType(await turnEvents(page), 'speech').filter((s) => s.state === 'started').length).toBe(spokenBefore)

    await page.keyboard.press('Escape')
    await eventually('the popup is hidden', async () => !(await popupShown(session.app)))
  })

  it('gives a new line on Shift+Enter and recalls the previous prompt on Up', async () => {
    const session = await quickSessionForTest()
    const page = await summonPopup(session)
    const input = page.locator('#quick-input')
    await input.pressSequentially('first line')
    await input.press('Shift+Enter')
    await input.pressSequentially('second line')
    expect(await input.inputValue()).toBe('first line\nsecond line')
    expect(session.llm.requests).toHaveLength(0)
    await input.press('Enter')
    await waitForStatus(page, 'done')
    expect(await input.inputValue()).toBe('')
    await input.press('ArrowUp')
    expect(await input.inputValue()).toBe('first line\nsecond line')
  })

  it('hides when it loses focus', async () => {
    const session = await quickSessionForTest()
    await summonPopup(session)
    await new Promise((r) => setTimeout(r, 400)) // past the grace period for a blur as it appears
    await session.app.control.blurWindow((await windowState(session.app, 'quick')).id)
    await eventually('the popup is hidden', async () => !(await popupShown(session.app)))
  })

  // Focus goes away the moment the popup appears (a tray menu closing): the blur follows the
  // hotkey at once, not after the page is ready, so it lands inside the grace period however loaded.
  async function summonAndBlur(session: QuickSession): Promise<number> {
    await summonPopup(session)
    await session.app.control.triggerShortcut(QUICK_HOTKEY) // put away; shown again below
    await eventually('the popup is hidden', async () => !(await popupShown(session.app)))
    const { id } = await windowState(session.app, 'quick')
    await session.app.control.triggerShortcut(QUICK_HOTKEY)
    await session.app.control.blurWindow(id)
    return id
  }

  it('hides once the grace period ends when focus went away as it appeared', async () => {
    const session = await quickSessionForTest()
    await summonAndBlur(session)
    await eventually('the popup is hidden', async () => !(await popupShown(session.app)))
  })

  it('stays up when focus comes back within the grace period, as a tray menu closing does', async () => {
    const session = await quickSessionForTest()
    const id = await summonAndBlur(session)
    await session.app.control.focusWindow(id)
    await new Promise((r) => setTimeout(r, 600))
    expect(await popupShown(session.app)).toBe(true)
  })

  it('stays up when it loses focus if hide-on-blur is off', async () => {
    const session = await quickSessionForTest({ settings: { quickPrompt: { hideOnBlur: false } } })
    await summonPopup(session)
    await new Promise((r) => setTimeout(r, 400))
    await session.app.control.blurWindow((await windowState(session.app, 'quick')).id)
    await new Promise((r) => setTimeout(r, 500))
    expect(await popupShown(session.app)).toBe(true)
  })

  it('saves quick prompts to one "Quick prompts" conversation', async () => {
    const session = await quickSessionForTest({ llm: { text: 'Short answer.' } })
    await askEach(await summonPopup(session), ['First question', 'Second question'])
    const quick = (await conversationTitles(session.app)).filter((c) => c.title === 'Quick prompts')
    expect(quick).toHaveLength(1)
    expect(quick[0]!.messageCount).toBe(4)
  })

  it('saves each quick prompt as its own conversation when set to', async () => {
    const session = await quickSessionForTest({
      llm: { text: 'Short answer.' },
      // titles stay the questions, so each conversation can be found by its question
      settings: { quickPrompt: { saveTo: 'new-conversation' }, autoTitle: false }
    })
    await askEach(await summonPopup(session), ['First question', 'Second question'])
    expect((await conversationTitles(session.app)).map((c) => c.title).sort()).toEqual([
      'First question',
      'Second question'
    ])
  })

  it('continues the exchange in the main window with "Open in Hark"', async () => {
    const session = await quickSessionForTest({ llm: { text: 'The harbour is to the west.' } })
    const main = await session.app.window('index')
    const page = await summonPopup(session)
    await askInPopup(page, 'Where is the harbour?')
    await waitForStatus(page, 'done')
    await page.getByRole('button', { name: 'Open in Hark' }).click()
    await eventually('the popup is hidden', async () => !(await popupShown(session.app)))
    expect((await windowState(session.app, 'index')).visible).toBe(true)
    await main.getByText('The harbour is to the west.').first().waitFor({ timeout: 15_000 })
    await main.getByText('Where is the harbour?').first().waitFor({ timeout: 5_000 })
  })

  it('follows a hotkey change, and says so when the new one is taken by another program', async () => {
    const session = await quickSessionForTest()
    const main = await session.app.window('index')
    await collectEvent(main, 'app.notice')
    const menuAccelerator = async (): Promise<string | undefined> =>
      (await session.app.control.trays())[0]!.menu?.find((i) => i.label === 'Quick prompt…')?.accelerator

    await main.evaluate(() => window.hark.invoke('settings.set', { hotkeys: { quickPrompt: 'Alt+Shift+Q' } }))
    await eventually('the menu shows the new hotkey', async () => (await menuAccelerator()) === 'Alt+Shift+Q')
    await session.app.control.triggerShortcut('Alt+Shift+Q')
    await expectPopupReady(session.app)
    await expect(session.app.control.triggerShortcut(QUICK_HOTKEY)).rejects.toThrow(/no global shortcut/)

    await session.app.control.configure({ takeShortcuts: ['Control+Alt+J'] })
    await main.evaluate(() => window.hark.invoke('settings.set', { hotkeys: { quickPrompt: 'Control+Alt+J' } }))
    const notices = await collected<{ message: string }>(main, 'app.notice')
    expect(notices.map((n) => n.message).join('\n')).toMatch(
      /quick prompt hotkey Control\+Alt\+J could not be registered/i
    )
    await eventually('the menu shows no hotkey', async () => (await menuAccelerator()) === undefined)
  })
})
