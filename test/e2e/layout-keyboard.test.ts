import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { fakeLlmEnv, freshLlmAndUserData } from '../support/fresh-llm-and-user-data'
import { ask, readyToAskAgain, waitUntil } from '../support/e2e-actions'

/** The main window from 480 px wide, and by keyboard alone. */

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!

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
    // a model-written title or the voice arriving mid-test would re-render the page under the keyboard
    await page.evaluate(() => window.hark.invoke('settings.set', { autoTitle: false, speech: { enabled: false } }))
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

  test('Tab reaches rename and delete on a conversation and Edit on a question, each with a visible focus ring', async () => {
    const page = await open()
    await ask(page, 'A question to edit')
    // the list re-renders when the answer is saved: tab through it once it has settled
    await waitUntil('the answer is complete', () => readyToAskAgain(page))
    await waitUntil('a conversation is listed', async () => (await page.getByTestId('conversation-item').count()) === 1)
    await page.getByTestId('conversation-item').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('rename-conversation')
    expect(await page.getByTestId('rename-conversation').isVisible()).toBe(true)
    const ring = await page.getByTestId('rename-conversation').evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(ring).toBe('solid')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete-conversation')

    await page.mouse.move(0, 0)
    await page.getByTestId('user-message').locator('.bubble').click()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('edit-button')
    expect(await page.getByTestId('edit-button').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible')
  })
})
