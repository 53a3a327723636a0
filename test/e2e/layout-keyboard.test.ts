import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { fakeLlmEnv, freshLlmAndUserData } from '../support/fresh-llm-and-user-data'
import { ask, waitUntil } from '../support/e2e-actions'
import { recordTurnEvents, seenTurnEvents } from '../support/page-events'

/** The main window from 480 px wide, and by keyboard alone. */

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)

// Long enough that the voice is still speaking, sentence by sentence, while the keys are pressed.
const SPOKEN_ANSWER = Array.from({ length: 12 }, (_, i) => `This is spoken sentence number ${i + 1}.`).join(' ')

describe('layout and keyboard', () => {
  let llm: FakeLlm
  let userData: string
  freshLlmAndUserData(
    { text: 'Short answer.', timing: { chunkSize: 50, delayMs: 5 } },
    'hark-layout-',
    (fresh) => ({ llm, userData } = fresh)
  )

  const open = async (): Promise<Page> => {
    const app = await appForTest({ env: fakeLlmEnv(llm), userData })
    const page = await app.window('index')
    await recordTurnEvents(page)
    // a model-written title renames the conversation mid-test; the voice stays on (espeak-ng: sentence events arrive quickly)
    await page.evaluate(() =>
      window.hark.invoke('settings.set', { autoTitle: false, speech: { enabled: true, engine: 'espeak-ng' } })
    )
    return page
  }

  test('at 480 px the sidebar folds behind a toggle, and the composer grows to about 40 % of the window', async () => {
    const page = await open()
    await page.setViewportSize({ width: 1000, height: 700 })
    expect(await page.getByTestId('sidebar-toggle').isVisible()).toBe(false)
    expect(await page.getByTestId('conversation-search').isVisible()).toBe(true)

    await page.setViewportSize({ width: 480, height: 700 })
    expect(await page.getByTestId('conversation-search').isVisible()).toBe(false)
    expect((await box(page, 'prompt-input')).width).toBeGreaterThan(300)
    await page.getByTestId('sidebar-toggle').click()
    expect(await page.getByTestId('conversation-search').isVisible()).toBe(true)
    expect(await page.getByTestId('sidebar-toggle').getAttribute('aria-expanded')).toBe('true')
    await page.getByTestId('new-conversation').click()
    expect(await page.getByTestId('conversation-search').isVisible()).toBe(false)

    const oneLine = (await box(page, 'prompt-input')).height
    await page.getByTestId('prompt-input').fill(Array.from({ length: 9 }, (_, i) => `line ${i + 1}`).join('\n'))
    const nine = (await box(page, 'prompt-input')).height
    expect(nine).toBeGreaterThan(oneLine * 2.5)
    expect(nine).toBeLessThanOrEqual(700 * 0.4 + 1)
    await page.getByTestId('prompt-input').fill(Array.from({ length: 60 }, () => 'more').join('\n'))
    expect((await box(page, 'prompt-input')).height).toBeLessThanOrEqual(700 * 0.4 + 1)
  })

  test('Ctrl+N, Ctrl+K, Ctrl+, and Ctrl+/ do what the shortcuts overlay says, and Esc closes overlays', async () => {
    const page = await open()
    await ask(page, 'First question')
    await waitUntil('a conversation is listed', async () => (await page.getByTestId('conversation-item').count()) === 1)

    await page.keyboard.press('Control+n')
    await expect.poll(() => page.getByTestId('conversation-title').innerText()).toBe('New conversation')
    await page.keyboard.press('Control+k')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('conversation-search')
    await page.keyboard.press('Control+,')
    await page.getByTestId('settings-view').waitFor()
    await page.keyboard.press('Control+/')
    const help = page.getByTestId('shortcuts-help')
    await help.waitFor()
    expect(await help.innerText()).toMatch(/Ctrl\+N\s+New conversation/)
    expect(await help.innerText()).toMatch(/Ctrl\+K\s+Search conversations/)
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    expect(await page.getByTestId('settings-view').count()).toBe(1) // the first Esc closed only the overlay
    await page.keyboard.press('Escape')
    await page.getByTestId('settings-view').waitFor({ state: 'detached' })
  })

  test('the shortcuts overlay also opens from a named header button, and closing it returns focus there', async () => {
    const page = await open()
    const button = page.getByRole('button', { name: 'Keyboard shortcuts' })
    expect(await button.getAttribute('title')).toBe('Keyboard shortcuts (Ctrl+/)')
    await button.focus()
    await page.keyboard.press('Enter')
    const help = page.getByTestId('shortcuts-help')
    await help.waitFor()
    expect(await help.innerText()).toMatch(/Ctrl\+\/\s+Show these shortcuts/)
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('open-shortcuts')
  })

  test('while the answer starts and the voice speaks, focus stays where the keys put it: search, rename, delete, Edit, each with a visible ring', async () => {
    llm.setText(SPOKEN_ANSWER)
    const page = await open()
    await page.getByTestId('prompt-input').fill('A question to edit')
    await page.getByTestId('prompt-input').press('Enter')
    await page.keyboard.press('Control+k') // pressed before the answer has started: the focus must stay there
    await expect.poll(() => focused(page)).toBe('conversation-search')
    await holdsWhileSpeaking(page, 'conversation-search')

    await page.getByTestId('conversation-item').focus()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('rename-conversation')
    expect(await page.getByTestId('rename-conversation').isVisible()).toBe(true)
    const ring = await page.getByTestId('rename-conversation').evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(ring).toBe('solid')
    await holdsWhileSpeaking(page, 'rename-conversation')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('delete-conversation')

    await page.mouse.move(0, 0)
    await page.getByTestId('user-message').locator('.bubble').click()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('edit-button')
    expect(await page.getByTestId('edit-button').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible')
    await holdsWhileSpeaking(page, 'edit-button')
    expect(await page.getByTestId('stop-button').count(), 'the voice was still speaking throughout').toBe(1)
  })
})

/** Focus stays on `testId` while the voice moves on by two sentences. */
async function holdsWhileSpeaking(page: Page, testId: string): Promise<void> {
  const started = async () =>
    (await seenTurnEvents(page)).filter((s) => s.event.type === 'speech' && s.event.state === 'started').length
  const now = await started()
  await waitUntil('the voice moves on two sentences', async () => (await started()) >= now + 2)
  expect(await focused(page), 'focus while the voice speaks').toBe(testId)
}
