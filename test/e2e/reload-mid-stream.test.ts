import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startFakeLlm, DEFAULT_ANSWER, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { ask, waitUntil } from '../support/e2e-actions'

/**
 * A main window reloaded while an answer streams shows the answer so far at
 * once (not only what arrives after it came back) and keeps appending to it,
 * with nothing repeated or lost.
 */

const LONG = `${DEFAULT_ANSWER} ${DEFAULT_ANSWER} ${DEFAULT_ANSWER}`
/** The answer's text with markup whitespace folded, comparable with the source prose. */
const answerText = async (page: Page): Promise<string> =>
  ((await page.getByTestId('answer').textContent()) ?? '').replace(/\s+/g, ' ').trim()
const answerStatus = (page: Page) => page.locator('.message.assistant').last().getAttribute('data-status')

let llm: FakeLlm | undefined
let userData: string | undefined
afterEach(() => llm?.close())
// The app may still be writing while afterEach runs: its userData goes when the file is done.
afterAll(() => userData && rmSync(userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }))

test('a window reloaded mid-answer shows the text streamed so far, then the whole answer', async () => {
  // About 10 s of streaming: time to reload and come back while it still runs.
  llm = await startFakeLlm({ text: LONG, timing: { chunkSize: 8, delayMs: 60 } })
  userData = mkdtempSync(join(tmpdir(), 'hark-reload-'))
  const app = await appForTest({
    env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' },
    userData
  })
  const page = await app.window('index')
  await ask(page, 'Tell me about the harbour town.')
  await waitUntil('the answer streams', async () => (await answerText(page)).length > 80)

  const before = await answerText(page)
  await page.reload()
  await waitUntil(
    'the answer is back on screen',
    async () => (await page.getByTestId('answer').count()) > 0 && (await answerText(page)).length > 0
  )
  const afterReload = await answerText(page)
  expect(await answerStatus(page), 'the reload came back before the answer ended; slow the stream down').toBe(
    'streaming'
  )
  expect(afterReload.length).toBeGreaterThanOrEqual(before.length)
  expect(LONG.startsWith(afterReload), `after the reload the answer read: ${afterReload}`).toBe(true)

  // While it streams on, every sample is the start of the answer: nothing repeated, nothing missing.
  const samples: string[] = []
  await waitUntil(
    'the answer completes',
    async () => {
      const status = await answerStatus(page)
      if (status === 'streaming') samples.push(await answerText(page))
      return status === 'complete'
    },
    60_000
  )
  expect(samples.length).toBeGreaterThan(0)
  for (const s of samples) expect(LONG.startsWith(s), `mid-stream the answer read: ${s}`).toBe(true)
  expect(await answerText(page)).toBe(LONG)
}, 120_000)
