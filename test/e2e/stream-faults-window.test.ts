import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startFakeLlm, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { ask, readyToAskAgain, waitUntil } from '../support/e2e-actions'
import { answerRequests } from '../support/answer-requests'

/**
 * A representative set of the LLM faults, through the app's window: the
 * partial answer stays on screen, the message says what happened, and Retry
 * and Continue are offered. (Every scenario is covered through the engine and
 * the CLI; these check the window's side of the same events.)
 */

let llm: FakeLlm
beforeAll(async () => {
  llm = await startFakeLlm({ timing: { tps: 200 } })
})
afterAll(() => llm.close())

const launch = async (): Promise<Page> => {
  const app = await appForTest({
    env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' }
  })
  const page = await app.window('index')
  await page.evaluate(() =>
    window.hark.invoke('settings.set', { provider: { idleTimeoutSec: 1 }, speech: { enabled: false } })
  )
  return page
}

async function failedAnswer(page: Page): Promise<{ answer: string; error: string }> {
  const error = page.getByTestId('error-message')
  await error.waitFor({ state: 'visible', timeout: 30_000 })
  await expect.poll(() => readyToAskAgain(page), { timeout: 10_000 }).toBe(true)
  return { answer: await page.getByTestId('answer').last().innerText(), error: await error.innerText() }
}

describe('stream faults in the main window', () => {
  test('a connection dropped mid-answer keeps the partial text, and Continue finishes it', async () => {
    const page = await launch()
    llm.setScenario('drop-mid-body')
    await ask(page, 'Tell me about the harbour town.')
    const { answer, error } = await failedAnswer(page)
    expect(error).toMatch(/connection dropped/i)
    expect(answer.length).toBeGreaterThan(20)
    expect(await page.getByTestId('retry-button').isVisible()).toBe(true)

    llm.setScenario('normal')
    const partial = answer.trim().slice(0, 20)
    await page.getByTestId('continue-button').click()
    await waitUntil(
      'the continued answer is complete',
      async () => (await page.getByTestId('answer').last().innerText()).includes('settles down to sleep'),
      30_000
    )
    const continued = await page.getByTestId('answer').last().innerText()
    expect(continued.startsWith(partial)).toBe(true)
    const last = answerRequests(llm).at(-1)!.body as { messages: Array<{ role: string; content: string }> }
    expect(last.messages.some((m) => m.role === 'assistant' && m.content.startsWith(partial))).toBe(true)
  })

  test('a stream that goes silent is called stalled after the idle timeout, keeping what arrived', async () => {
    const page = await launch()
    llm.setScenario('stall-mid-body')
    await ask(page, 'Tell me about the harbour town.')
    const { answer, error } = await failedAnswer(page)
    expect(error).toMatch(/stopped sending/i)
    expect(answer.length).toBeGreaterThan(20)
    expect(await page.getByTestId('continue-button').isVisible()).toBe(true)
  })

  test("a provider's mid-stream error event shows the provider's words and keeps the partial text", async () => {
    const page = await launch()
    llm.setScenario('event-error')
    await ask(page, 'Tell me about the harbour town.')
    const { answer, error } = await failedAnswer(page)
    expect(error).toMatch(/upstream overloaded/)
    expect(answer.length).toBeGreaterThan(20)
  })

  test('a 429 before the first token is retried after the server-given delay, then answered', async () => {
    const page = await launch()
    llm.setScenario('rate-limit-then-ok')
    const before = answerRequests(llm).length
    await ask(page, 'Tell me about the harbour town.')
    await waitUntil(
      'the answer is complete',
      async () => (await page.getByTestId('answer').last().innerText()).includes('settles down to sleep'),
      30_000
    )
    expect(answerRequests(llm).length - before).toBe(2)
    expect(await page.getByTestId('error-message').count()).toBe(0)
  })
})
