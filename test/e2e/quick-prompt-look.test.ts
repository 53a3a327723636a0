import { describe, expect, it } from 'vitest'
import { askInPopup, summonPopup, waitForStatus } from './quick-prompt-driver'
import { quickSessionForTest } from '../support/quick-session-for-test'

/** The popup as it looks and reads: Markdown, Hark's theme, its input font, its hints, what screen readers hear. */

const MARKDOWN_ANSWER = [
  '## Harbour facts',
  '',
  'The harbour is **old** and [well kept](https://example.com/harbour).',
  '',
  '- It has a lighthouse.',
  '- It has a market.',
  ''
].join('\n')

describe('the quick-prompt popup', () => {
  it('renders the answer as Markdown, not raw marks, with its headings below the page', async () => {
    const session = await quickSessionForTest({
      llm: { text: MARKDOWN_ANSWER },
      settings: { speech: { enabled: false } }
    })
    const page = await summonPopup(session)
    await askInPopup(page, 'Tell me about the harbour')
    await waitForStatus(page, 'done')
    const answer = page.locator('#quick-answer')
    expect(await answer.locator('h4').innerText()).toBe('Harbour facts')
    expect(await answer.locator('strong').innerText()).toBe('old')
    expect(await answer.locator('li').count()).toBe(2)
    expect(await answer.locator('a').getAttribute('href')).toBe('https://example.com/harbour')
    expect(await answer.innerText()).not.toMatch(/##|\*\*|\]\(/)
  })

  it("follows Hark's theme setting, not the system's, and its changes", async () => {
    const session = await quickSessionForTest({ settings: { theme: 'dark' } })
    const page = await summonPopup(session)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    const main = await session.app.window('index')
    await main.evaluate(() => window.hark.invoke('settings.set', { theme: 'light' }))
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light')
    const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor])
    expect(colours).toEqual(['rgb(255, 255, 255)'])
  })

  it('types in a 17 px proportional font, and before a question says that Esc closes', async () => {
    const session = await quickSessionForTest({ settings: { speech: { enabled: false } } })
    const page = await summonPopup(session)
    const font = await page.locator('#quick-input').evaluate((el) => {
      const s = getComputedStyle(el)
      return { size: s.fontSize, family: s.fontFamily }
    })
    expect(font.size).toBe('17px')
    expect(font.family).not.toMatch(/^monospace/)
    expect(await page.getByTestId('quick-hint').innerText()).toMatch(/Esc closes/)
  })

  it('while the voice still reads a finished answer, the hint says the first Esc silences it', async () => {
    const session = await quickSessionForTest({ llm: { timing: { chunkSize: 400, delayMs: 1 } } })
    const page = await summonPopup(session)
    await askInPopup(page, 'Describe the town')
    await waitForStatus(page, 'done')
    await expect
      .poll(() => page.getByTestId('quick-hint').innerText())
      .toMatch(/Esc silences the voice, Esc again closes/)
  })

  it('announces whole sentences in one polite live region, not every token', async () => {
    const session = await quickSessionForTest({
      llm: { timing: { chunkSize: 6, delayMs: 20 } },
      settings: { speech: { enabled: false } }
    })
    const page = await summonPopup(session)
    await page.evaluate(() => {
      const w = window as unknown as { __announced: string[] }
      w.__announced = []
      // the region appears with the first question; record each text it comes to hold
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="quick-announcer"]')?.textContent ?? ''
        if (text && text !== w.__announced.at(-1)) w.__announced.push(text)
      }).observe(document.body, { childList: true, characterData: true, subtree: true })
    })
    await askInPopup(page, 'Describe the town')
    await waitForStatus(page, 'done')
    const live = await page.locator('[aria-live]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    expect(live).toEqual(['quick-announcer'])
    const announced = (await page.evaluate(() => (window as unknown as { __announced: string[] }).__announced)).filter(
      (t) => t
    )
    expect(announced.length).toBeGreaterThan(1)
    for (const text of announced) expect(text).toMatch(/[.!?]$/)
  })
})
