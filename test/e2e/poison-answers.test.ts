import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startFakeLlm, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { ask, waitUntil } from '../support/e2e-actions'
import { deepQuotes, hugeParagraph, nestedList, openFence } from '../support/poison-answers'

/**
 * Answers shaped to break the markdown renderer (issue 11), streamed into the
 * main window from the fake LLM: the window never blanks, no main-thread task
 * runs over 200 ms, and reopening the saved conversation renders it again.
 * The 10 MB paragraph is opened from a saved conversation: streaming it
 * through the main process takes over a minute here.
 *
 * Not yet held: streaming a 2 MB paragraph of sentences still has a few
 * tasks of 60–100 ms CPU early in the stream (over 200 ms wall on a loaded
 * machine; its other tasks now take at most ~20 ms CPU, and the same length
 * of ordinary prose costs as much: `npm run bench markdown`), so for that
 * shape only the window's survival is checked. Issue 11 stays open on it.
 */

const LONG_TASK_LIMIT_MS = 200

let llm: FakeLlm
beforeAll(async () => {
  llm = await startFakeLlm({ timing: { chunkSize: 16_000, delayMs: 4 } })
})
const made: string[] = []
afterAll(async () => {
  await llm.close()
  made.forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }))
})

const env = () => ({ OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' })
const lastStatus = (page: Page) => page.locator('.message.assistant').last().getAttribute('data-status')

/** Starts recording every main-thread task of 50 ms or more in the page. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] }
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration)
    }).observe({ type: 'longtask' })
  })
}

const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks))

/** The window still shows the app: its sidebar and composer, and the answer's row. */
async function windowIsIntact(page: Page): Promise<void> {
  expect(await page.getByTestId('prompt-input').isVisible()).toBe(true)
  expect(await page.getByTestId('conversation-item').count()).toBeGreaterThan(0)
  expect(await page.locator('.message.assistant').count()).toBe(1)
}

/** [name, answer, text it shows, whether its long tasks are held under the limit yet] */
const shapes: Array<[string, string, string, boolean]> = [
  ['about 2,000 nested quotes', deepQuotes(), 'the innermost words', true],
  ['a 1 MB unclosed code fence', openFence(1_000_000), 'keep going', true],
  ['a 90 KB nested list', nestedList(90_000), 'item 40', true],
  ['a 2 MB paragraph of sentences', hugeParagraph(2_000_000), 'very long paragraph', false]
]

describe('poison answers in the main window', () => {
  for (const [name, text, visible, bounded] of shapes) {
    const tasks = bounded ? ` or a task over ${LONG_TASK_LIMIT_MS} ms` : ''
    test(`${name}: streams without blanking the window${tasks}, and reopens`, async () => {
      llm.setText(text)
      const app = await appForTest({ env: env() })
      const page = await app.window('index')
      await page.evaluate(() => window.hark.invoke('settings.set', { speech: { enabled: false }, autoTitle: false }))
      await watchLongTasks(page)
      await ask(page, `Poison: ${name}`)
      await waitUntil('the answer is complete', async () => (await lastStatus(page)) === 'complete', 90_000)
      // read before the answer's text is: fetching megabytes of it is itself a long task
      if (bounded) expect(await longestTask(page)).toBeLessThan(LONG_TASK_LIMIT_MS)
      await windowIsIntact(page)
      expect(await page.locator('.message.assistant').last().textContent()).toContain(visible)

      await page.getByTestId('new-conversation').click()
      await waitUntil(
        'the new conversation is empty',
        async () => (await page.locator('.message.assistant').count()) === 0
      )
      await watchLongTasks(page)
      await page.getByTestId('conversation-item').filter({ hasText: 'Poison' }).click()
      await waitUntil('the saved answer shows again', async () => (await lastStatus(page)) === 'complete')
      if (bounded) expect(await longestTask(page)).toBeLessThan(LONG_TASK_LIMIT_MS)
      await windowIsIntact(page)
      expect(await page.locator('.message.assistant').last().textContent()).toContain(visible)
    })
  }
})

/** A userData dir holding one saved conversation whose answer is `answer`. */
function savedConversation(question: string, answer: string): string {
  const userData = mkdtempSync(join(tmpdir(), 'hark-poison-'))
  made.push(userData)
  const dir = join(userData, 'conversations')
  mkdirSync(dir, { recursive: true })
  const id = randomUUID()
  const at = Date.now()
  const message = (role: string, content: string) => ({
    id: randomUUID(),
    role,
    content,
    createdAt: at,
    status: 'complete'
  })
  const lines = [
    { t: 'meta', v: 1, id, title: question, createdAt: at, updatedAt: at },
    { t: 'msg', m: message('user', question) },
    { t: 'msg', m: message('assistant', answer) }
  ]
  writeFileSync(join(dir, `${id}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  return userData
}

describe('a saved poison answer', () => {
  test('a 10 MB paragraph opens without blanking the window', async () => {
    const app = await appForTest({
      env: env(),
      userData: savedConversation('Poison: 10 MB', hugeParagraph(10_000_000))
    })
    const page = await app.window('index')
    await watchLongTasks(page)
    await page.getByTestId('conversation-item').filter({ hasText: 'Poison' }).click()
    await waitUntil('the saved answer shows', async () => (await lastStatus(page)) === 'complete', 60_000)
    await windowIsIntact(page)
    expect(await page.locator('.message.assistant').last().textContent()).toContain('very long paragraph')
    expect(await page.getByTestId('message-fallback').count()).toBe(0)
  })
})

describe('what an answer may put in the window', () => {
  test('an answer cannot style or position its own HTML, nor borrow the app’s classes', async () => {
    llm.setText(
      'Fine print.\n\n<div style="position:fixed;inset:0;background:white" class="jump-latest settings">Enter your key</div>\n\n<p style="color:red">red?</p>'
    )
    const app = await appForTest({ env: env() })
    const page = await app.window('index')
    await ask(page, 'Draw a form')
    await waitUntil('the answer is complete', async () => (await lastStatus(page)) === 'complete')
    const answer = page.getByTestId('answer')
    expect(await answer.innerText()).toContain('Enter your key')
    expect(await answer.locator('[style]').count()).toBe(0)
    expect(await answer.locator('.jump-latest, .settings').count()).toBe(0)
  })

  test('the page refuses style attributes, yet the app’s own CSSOM styles still apply', async () => {
    const app = await appForTest({ env: env() })
    const page = await app.window('index')
    const result = await page.evaluate(() => {
      const probe = document.createElement('div')
      document.body.append(probe)
      probe.setAttribute('style', 'color: rgb(1, 2, 3)')
      const viaAttribute = getComputedStyle(probe).color
      probe.removeAttribute('style')
      probe.style.color = 'rgb(4, 5, 6)'
      const viaCssom = getComputedStyle(probe).color
      probe.remove()
      return { viaAttribute, viaCssom }
    })
    expect(result.viaAttribute).not.toBe('rgb(1, 2, 3)')
    expect(result.viaCssom).toBe('rgb(4, 5, 6)')
  })
})
