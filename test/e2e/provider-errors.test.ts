import { afterEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startFakeLlm, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { ask, readyToAskAgain } from '../support/e2e-actions'

/**
 * When the provider cannot answer, the window says why in words a user can
 * act on, and the Ask button works again: no spinner left hanging.
 */

async function askAndReadError(page: Page): Promise<string> {
  await ask(page, 'What is the capital of France?')
  const error = page.getByTestId('error-message')
  await error.waitFor({ state: 'visible', timeout: 30_000 })
  const message = await error.innerText()
  await expect.poll(() => readyToAskAgain(page), { timeout: 10_000 }).toBe(true)
  return message
}

describe('provider errors in the main window', () => {
  let llm: FakeLlm | undefined

  afterEach(async () => {
    await llm?.close()
    llm = undefined
  })

  test('with no API key for a remote provider, it says a key is needed and sends nothing', async () => {
    // A remote host: local servers (127.0.0.1) legitimately need no key.
    const app = await appForTest({
      env: { OPENAI_BASE_URL: 'https://llm.invalid/v1', OPENAI_API_KEY: '', HARK_MODEL: 'fake-model' }
    })
    const page = await app.window('index')
    await page.getByTestId('onboarding-skip').click() // first run with no key offers setup first
    const message = await askAndReadError(page)
    expect(message).toMatch(/API key/i)
    expect(message).toMatch(/llm\.invalid/)
  })

  test('with the server unreachable, it says it could not reach it', async () => {
    llm = await startFakeLlm()
    const url = llm.url
    await llm.close() // nothing listens on that port any more
    llm = undefined
    const app = await appForTest({
      env: { OPENAI_BASE_URL: url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' }
    })
    const message = await askAndReadError(await app.window('index'))
    expect(message).toMatch(/could not reach/i)
    expect(message).toContain('127.0.0.1')
  })

  test('with the key rejected (401), it says the key was rejected', async () => {
    llm = await startFakeLlm({ scenario: 'unauthorized' })
    const app = await appForTest({
      env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'sk-wrong', HARK_MODEL: 'fake-model' }
    })
    const message = await askAndReadError(await app.window('index'))
    expect(message).toMatch(/key was rejected/i)
    expect(message).not.toContain('sk-wrong')
    expect(llm.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1)
  })
})
