import { existsSync, readFileSync } from 'node:fs'
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

describe('onboarding with a key', () => {
  let llm: FakeLlm
  let userData: string
  freshLlmAndUserData({ text: 'OK.' }, 'hark-onboarding-key-', (fresh) => ({ llm, userData } = fresh))

  const onDisk = (name: string): string | null =>
    existsSync(join(userData, name)) ? readFileSync(join(userData, name), 'utf8') : null

  test('a refused key stays in the field with the reason and stores nothing; an accepted one is stored once', async () => {
    const app = await appForTest({ env: { OPENAI_BASE_URL: llm.url, HARK_MODEL: 'fake-model' }, userData })
    const page = await app.window('index')
    await page.getByTestId('choose-openai').click()
    const settingsBefore = onDisk('settings.json')

    llm.setScenario('unauthorized')
    await page.getByTestId('api-key-input').fill('sk-refused')
    await page.getByTestId('api-key-save').click()
    await expect
      .poll(() => page.getByTestId('api-key-error').innerText(), { timeout: 20_000 })
      .toMatch(/key was refused/)
    expect(await page.getByTestId('api-key-input').inputValue()).toBe('sk-refused')
    expect(llm.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer sk-refused'])
    expect(onDisk('keys.json')).toBeNull()
    expect(onDisk('settings.json')).toBe(settingsBefore)

    llm.setScenario('normal')
    await page.getByTestId('api-key-input').fill('sk-accepted')
    await page.getByTestId('api-key-save').click()
    await expect.poll(() => page.getByTestId('onboarding-test-ok').innerText(), { timeout: 20_000 }).toMatch(/answered/)
    expect(llm.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer sk-refused', 'Bearer sk-accepted'])
    const keys = JSON.parse(onDisk('keys.json') ?? '{}') as Record<string, { sealed: string; origin: string }>
    expect(Object.keys(keys)).toEqual(['openai'])
    expect(keys['openai']?.origin).toBe(new URL(llm.url).origin)
    expect(onDisk('keys.json')).not.toContain('sk-accepted')
    expect(JSON.parse(onDisk('settings.json') ?? '{}')).toMatchObject({ provider: { preset: 'openai' } })
    expect(onDisk('settings.json')).not.toContain('sk-accepted')
  })
})
