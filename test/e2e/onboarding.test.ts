import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { freshLlmAndUserData } from '../support/fresh-llm-and-user-data'

/** First run: every preset is on offer, local servers always, and any OpenAI-compatible server by address. */

describe('onboarding', () => {
  let llm: FakeLlm
  let userData: string
  freshLlmAndUserData(
    { text: 'Hello.', timing: { chunkSize: 50, delayMs: 5 } },
    'hark-onboarding-',
    (fresh) => ({ llm, userData } = fresh)
  )

  test('lists every preset with local servers not detected, and a custom server is checked, chosen and tested', async () => {
    const app = await appForTest({ env: { HARK_MODEL: 'fake-model' }, userData })
    const page = await app.window('index')
    await page.getByTestId('onboarding').waitFor()
    for (const id of ['openai', 'openrouter', 'groq', 'ollama', 'lmstudio'])
      expect(await page.getByTestId(`choose-${id}`).count(), id).toBe(1)
    expect(await page.getByTestId('choose-ollama').innerText()).toMatch(/not detected/)
    expect(await page.getByTestId('onboarding').innerText()).toMatch(/Custom \(any OpenAI-compatible server\)/)

    await page.getByTestId('custom-base-url').fill('localhost eight thousand')
    await page.getByTestId('choose-custom').click()
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/not a web address/)
    expect(await page.getByTestId('custom-base-url').inputValue()).toBe('localhost eight thousand')

    await page.getByTestId('custom-base-url').fill(llm.url)
    await page.getByTestId('choose-custom').click()
    await page.getByTestId('onboarding-test').click()
    await expect.poll(() => page.getByTestId('onboarding-test-ok').innerText(), { timeout: 20_000 }).toMatch(/answered/)
    const saved = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as {
      provider: { preset: string; baseUrl: string }
    }
    expect(saved.provider).toMatchObject({ preset: 'custom', baseUrl: llm.url })
    expect(llm.requests).toHaveLength(1)
  })
})
