import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startFakeLlm, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { repoRoot } from '../support/harness-app'
import { ask, waitUntil } from '../support/e2e-actions'
import { QUICK_HOTKEY, askInPopup, expectPopupReady, waitForStatus } from './quick-prompt-driver'

/**
 * Every screen in both themes: an axe-core scan (no serious or critical
 * violation) and a screenshot in test-results/screens/ for a reviewer.
 */

const screensDir = join(repoRoot, 'test-results/screens')
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const THEMES = ['light', 'dark'] as const
type Theme = (typeof THEMES)[number]

const ANSWER = [
  '# The harbour',
  '',
  'The harbour is **old** and [well kept](https://example.com/harbour). Boats leave at dawn.',
  '',
  '| Boat | Leaves |',
  '|---|---|',
  '| Gull | 6:00 |',
  '',
  '```js',
  "console.log('tide')",
  '```',
  ''
].join('\n')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[]; failureSummary?: string }>
}

/** axe-core is evaluated over CDP, which the page's CSP does not govern; the page itself stays unchanged. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return (violations as Violation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Only the main window may change settings; `page` (maybe the popup) follows. */
async function setTheme(page: Page, main: Page, theme: Theme): Promise<void> {
  await main.evaluate((t) => window.hark.invoke('settings.set', { theme: t }), theme)
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme)
}

/** Scans and photographs the page as it is now, in each theme; returns the problems found, by screen. */
async function checkScreen(
  page: Page,
  name: string,
  found: Record<string, Violation[]>,
  main: Page = page
): Promise<void> {
  mkdirSync(screensDir, { recursive: true })
  for (const theme of THEMES) {
    await setTheme(page, main, theme)
    await page.screenshot({ path: join(screensDir, `${name}-${theme}.png`) })
    const violations = await seriousViolations(page)
    if (violations.length > 0) found[`${name} (${theme})`] = violations
  }
}

const summary = (found: Record<string, Violation[]>): string[] =>
  Object.entries(found).flatMap(([screen, vs]) =>
    vs.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  )

const made: string[] = []
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })))

describe('every screen, in both themes', () => {
  let llm: FakeLlm
  let userData: string
  beforeEach(async () => {
    llm = await startFakeLlm({ text: ANSWER, timing: { chunkSize: 400, delayMs: 1 } })
    userData = mkdtempSync(join(tmpdir(), 'hark-screens-'))
  })
  afterEach(async () => {
    await llm.close()
    made.push(userData)
  })

  test('the main window, Settings, the shortcuts, a narrow window and the popup pass axe and are photographed', async () => {
    const app = await appForTest({
      env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' },
      userData
    })
    const page = await app.window('index')
    await page.setViewportSize({ width: 1100, height: 760 })
    await page.evaluate(() => window.hark.invoke('settings.set', { speech: { enabled: false } }))
    const found: Record<string, Violation[]> = {}

    await checkScreen(page, 'chat-empty', found)
    await ask(page, 'Tell me about the harbour')
    await waitUntil(
      'the answer is complete',
      async () => (await page.locator('.message.assistant').last().getAttribute('data-status')) === 'complete'
    )
    // the answer's "#" sits below the page's one h1 and the message's h2
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.getByTestId('answer').locator('h3').innerText()).toBe('The harbour')
    expect(await page.locator('.message h2').allInnerTexts()).toEqual(['You', 'Hark'])
    await checkScreen(page, 'chat-answer', found)

    await page.keyboard.press('Control+/')
    await page.getByTestId('shortcuts-help').waitFor()
    await checkScreen(page, 'shortcuts-help', found)
    await page.keyboard.press('Escape')
    await page.getByTestId('shortcuts-help').waitFor({ state: 'detached' })

    await page.keyboard.press('Control+,')
    for (const section of ['general', 'provider', 'speech', 'voice-input', 'hotkeys', 'quick-prompt']) {
      await page.getByTestId(`settings-nav-${section}`).click()
      await checkScreen(page, `settings-${section}`, found)
    }
    await page.keyboard.press('Escape')

    await page.setViewportSize({ width: 480, height: 640 })
    await checkScreen(page, 'narrow-chat', found)
    await page.getByTestId('sidebar-toggle').click()
    await checkScreen(page, 'narrow-sidebar', found)

    await app.window('quick')
    await app.control.triggerShortcut(QUICK_HOTKEY)
    const popup = await expectPopupReady(app)
    await askInPopup(popup, 'Tell me about the harbour')
    await waitForStatus(popup, 'done')
    await checkScreen(popup, 'popup-answer', found, page)

    expect(summary(found)).toEqual([])
  })

  test('onboarding passes axe in both themes and is photographed', async () => {
    const app = await appForTest({ env: { OPENAI_BASE_URL: llm.url, HARK_MODEL: 'fake-model' }, userData })
    const page = await app.window('index')
    await page.getByTestId('onboarding').waitFor()
    const found: Record<string, Violation[]> = {}
    await checkScreen(page, 'onboarding', found)
    expect(summary(found)).toEqual([])
  })
})
