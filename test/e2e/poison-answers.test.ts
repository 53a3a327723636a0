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
import { traceMainThreads } from '../support/main-thread-trace'

/**
 * Answers shaped to break the markdown renderer (issue 11), streamed into the
 * main window from the fake LLM: the window never blanks, no task on its main
 * thread takes over 200 ms of CPU, and reopening the saved conversation renders it again.
 * The 10 MB paragraph is opened from a saved conversation: streaming it
 * through the main process takes over a minute here. Its text reaches the
 * window in pieces, one bounded task each, and is rendered a group of blocks
 * per frame; a streamed answer's end and the conversation's reload do not
 * bring the whole answer again.
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

/**
 * Traces the window's main thread; the function it returns stops the trace and
 * gives the longest task's CPU time. CPU time, not the 'longtask' wall time: on
 * a busy 2-core machine the OS pausing a 10 ms task for 200 ms is the machine's
 * doing, not the window's (`npm run bench -- markdown-window` reports both).
 */
async function watchTasks(page: Page): Promise<() => Promise<number>> {
  const stop = await traceMainThreads(page)
  return async () => {
    const tasks = (await stop()).filter((t) => t.inPage)
    if (tasks.length === 0) throw new Error("the trace holds no task of the window's renderer")
    return Math.max(...tasks.map((t) => t.cpuMs))
  }
}

/** The window still shows the app: its sidebar and composer, and the answer's row. */
async function windowIsIntact(page: Page): Promise<void> {
  expect(await page.getByTestId('prompt-input').isVisible()).toBe(true)
  expect(await page.getByTestId('conversation-item').count()).toBeGreaterThan(0)
  expect(await page.locator('.message.assistant').count()).toBe(1)
}

/** [name, answer, text it shows] */
const shapes: Array<[string, string, string]> = [
  ['about 2,000 nested quotes', deepQuotes(), 'the innermost words'],
  ['a 1 MB unclosed code fence', openFence(1_000_000), 'keep going'],
  ['a 90 KB nested list', nestedList(90_000), 'item 40'],
  ['a 2 MB paragraph of sentences', hugeParagraph(2_000_000), 'very long paragraph']
]

describe('poison answers in the main window', () => {
  for (const [name, text, visible] of shapes) {
    test(`${name}: streams without blanking the window or a task over ${LONG_TASK_LIMIT_MS} ms, and reopens`, async () => {
      llm.setText(text)
      const app = await appForTest({ env: env() })
      const page = await app.window('index')
      await page.evaluate(() => window.hark.invoke('settings.set', { speech: { enabled: false }, autoTitle: false }))
      let longestTask = await watchTasks(page)
      await ask(page, `Poison: ${name}`)
      await waitUntil('the answer is complete', async () => (await lastStatus(page)) === 'complete', 90_000)
      // read before the answer's text is: fetching megabytes of it is itself a long task
      expect(await longestTask()).toBeLessThan(LONG_TASK_LIMIT_MS)
      await windowIsIntact(page)
      expect(await page.locator('.message.assistant').last().textContent()).toContain(visible)

      await page.getByTestId('new-conversation').click()
      await waitUntil(
        'the new conversation is empty',
        async () => (await page.locator('.message.assistant').count()) === 0
      )
      longestTask = await watchTasks(page)
      await page.getByTestId('conversation-item').filter({ hasText: 'Poison' }).click()
      await waitUntil('the saved answer shows again', async () => (await lastStatus(page)) === 'complete')
      expect(await longestTask()).toBeLessThan(LONG_TASK_LIMIT_MS)
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
  test(`a 10 MB paragraph opens whole, without blanking the window or a task over ${LONG_TASK_LIMIT_MS} ms`, async () => {
    const answer = hugeParagraph(10_000_000)
    const app = await appForTest({ env: env(), userData: savedConversation('Poison: 10 MB', answer) })
    const page = await app.window('index')
    const longestTask = await watchTasks(page)
    await page.getByTestId('conversation-item').filter({ hasText: 'Poison' }).click()
    await waitUntil('the saved answer shows', async () => (await lastStatus(page)) === 'complete', 60_000)
    await waitUntil('all of it is on screen', async () => (await shownChars(page)) >= answer.length, 60_000)
    expect(await longestTask()).toBeLessThan(LONG_TASK_LIMIT_MS)
    await windowIsIntact(page)
    expect(await page.locator('.message.assistant').last().textContent()).toContain('very long paragraph')
    expect(await page.getByTestId('message-fallback').count()).toBe(0)
  })
})

/** How many characters the answer shows, counted node by node: one string of all of them would be a long task itself. */
const shownChars = (page: Page): Promise<number> =>
  page.getByTestId('answer').evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    let n = 0
    for (let t = walker.nextNode(); t; t = walker.nextNode()) n += (t as Text).length
    return n
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
