import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { DEFAULT_ANSWER, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { fakeLlmEnv, freshLlmAndUserData } from '../support/fresh-llm-and-user-data'
import { ask, waitUntil } from '../support/e2e-actions'
import { answerRequests } from '../support/answer-requests'

/**
 * The main window on the built app: streaming, Stop, Regenerate, Edit,
 * Continue, switching conversations mid-stream, a crash mid-answer and a
 * corrupt conversation file.
 */

const LONG = `${DEFAULT_ANSWER} ${DEFAULT_ANSWER} ${DEFAULT_ANSWER}`
const answerText = (page: Page): Promise<string> => page.getByTestId('answer').innerText()

const answerStatus = (page: Page) => page.locator('.message.assistant').last().getAttribute('data-status')

describe('the main window', () => {
  let llm: FakeLlm
  let userData: string
  freshLlmAndUserData(
    { text: LONG, timing: { chunkSize: 8, delayMs: 40 } },
    'hark-main-window-',
    (fresh) => ({ llm, userData } = fresh)
  )

  test('streams, stops with the partial kept, continues it, regenerates, and edits a question', async () => {
    const app = await appForTest({ env: fakeLlmEnv(llm), userData })
    const page = await app.window('index')
    await ask(page, 'Tell me about the harbour town.')
    await waitUntil('the answer streams', async () => (await answerText(page)).length > 40)
    await page.keyboard.press('Escape')
    await waitUntil('the answer shows as stopped', async () => (await answerStatus(page)) === 'partial')
    const partial = await answerText(page)
    expect(partial.length).toBeGreaterThan(40)
    expect(LONG.length).toBeGreaterThan(partial.length)

    llm.setTiming({ chunkSize: 200, delayMs: 5 })
    await page.getByTestId('continue-button').click()
    await waitUntil('the continued answer completes', async () => (await answerStatus(page)) === 'complete')
    const continued = await answerText(page)
    expect(continued.startsWith(partial.trim().slice(0, 30))).toBe(true)
    expect(continued.length).toBeGreaterThan(partial.length)
    const sent = answerRequests(llm).at(-1)!.body as { messages: Array<{ role: string; content: string }> }
    expect(sent.messages.at(-2)).toMatchObject({ role: 'assistant' })
    expect(sent.messages.at(-1)!.content).toMatch(/Continue from exactly where you stopped/)

    await page.getByTestId('regenerate-button').last().click()
    await waitUntil(
      'a fresh answer completes',
      async () => (await answerStatus(page)) === 'complete' && answerRequests(llm).length === 3
    )
    expect(await page.locator('.message.assistant').count()).toBe(1)

    await page.getByTestId('user-message').hover()
    await page.getByTestId('edit-button').click()
    await page.getByTestId('edit-input').fill('Tell me about the lighthouse instead.')
    await page.getByTestId('edit-save').click()
    await waitUntil(
      'the edited question is answered',
      async () => answerRequests(llm).length === 4 && (await answerStatus(page)) === 'complete'
    )
    const last = answerRequests(llm).at(-1)!.body as { messages: Array<{ role: string; content: string }> }
    expect(last.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      'Tell me about the lighthouse instead.'
    ])
    await expect.poll(() => page.getByTestId('user-message').innerText()).toContain('lighthouse')
    await waitUntil('the new answer is shown complete', async () => (await answerStatus(page)) === 'complete')
    await expect.poll(() => page.getByTestId('metrics').last().innerText()).toMatch(/first token/)
  })

  test('keeps streaming into a conversation while the user looks at another, and shows it on return', async () => {
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ autoTitle: false })) // conversations found by their first line
    const app = await appForTest({ env: fakeLlmEnv(llm), userData })
    const page = await app.window('index')
    llm.setTiming({ chunkSize: 200, delayMs: 5 })
    await ask(page, 'First conversation question')
    await waitUntil('the first answer completes', async () => (await answerStatus(page)) === 'complete')

    // Long enough (about 35 s) to be still streaming after two switches on a loaded machine.
    llm.setText(LONG.repeat(4))
    llm.setTiming({ chunkSize: 8, delayMs: 40 })
    await page.getByTestId('new-conversation').click()
    await ask(page, 'Second conversation question')
    await waitUntil('the second answer streams', async () => (await answerText(page)).length > 20)
    await page.getByTestId('conversation-item').filter({ hasText: 'First conversation' }).click()
    await expect.poll(() => page.getByTestId('conversation-title').innerText()).toContain('First conversation')
    expect(await answerStatus(page)).toBe('complete')

    await page.getByTestId('conversation-item').filter({ hasText: 'Second conversation' }).click()
    const seen = (await answerText(page)).length
    await waitUntil(
      'the second answer is still growing after the switch back',
      async () => (await answerText(page)).length > seen + 20
    )
    expect(await answerStatus(page)).toBe('streaming')
  })

  test('after a SIGKILL mid-answer, the next launch shows the saved part as interrupted, and Continue finishes it', async () => {
    const first = await appForTest({ env: fakeLlmEnv(llm), userData })
    const page = await first.window('index')
    await ask(page, 'A long story, please.')
    await waitUntil('a good part of the answer has streamed', async () => (await answerText(page)).length > 300)
    await new Promise((r) => setTimeout(r, 1200)) // a full flush interval and more
    const shown = (await answerText(page)).length
    first.kill('SIGKILL')
    await first.exited

    llm.setTiming({ chunkSize: 200, delayMs: 5 })
    const second = await appForTest({ env: fakeLlmEnv(llm), userData })
    const again = await second.window('index')
    await again.getByTestId('conversation-item').first().click()
    await waitUntil('the interrupted answer shows', async () => (await answerStatus(again)) === 'interrupted')
    const saved = await answerText(again)
    expect(saved.length).toBeGreaterThan(shown - 400) // at most about a second of text at ~200 chars/s, with margin
    await again.getByTestId('continue-button').click()
    await waitUntil('the continued answer completes', async () => (await answerStatus(again)) === 'complete')
  })

  test('a corrupt conversation file is quarantined with a notice, and the others still load', async () => {
    const dir = join(userData, 'conversations')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, '00000000-0000-0000-0000-000000000000.jsonl'), '{"t":"meta" garbage')
    llm.setTiming({ chunkSize: 200, delayMs: 5 })
    const app = await appForTest({ env: fakeLlmEnv(llm), userData })
    const page = await app.window('index')
    await expect.poll(() => page.getByTestId('notice').first().innerText()).toMatch(/could not be read.*moved to/)
    await ask(page, 'Still works?')
    await waitUntil('the answer completes', async () => (await answerStatus(page)) === 'complete')
  })
})

describe('settings and keys', () => {
  let llm: FakeLlm
  let userData: string
  freshLlmAndUserData(
    { text: 'Short answer. Done.', timing: { chunkSize: 50, delayMs: 5 } },
    'hark-settings-',
    (fresh) => ({ llm, userData } = fresh)
  )

  test('settings round-trip: a change applies live, is saved, and the next request uses it', async () => {
    const app = await appForTest({ env: fakeLlmEnv(llm), userData })
    const page = await app.window('index')
    await page.getByTestId('open-settings').click()
    await page.getByTestId('theme-select').selectOption('dark')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await page.getByTestId('system-prompt').fill('Answer like a pirate.')
    await page.getByTestId('theme-select').focus() // blur saves the prompt
    await expect
      .poll(() => JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')).systemPrompt)
      .toBe('Answer like a pirate.')
    await page.getByTestId('close-settings').click()
    await ask(page, 'Hello')
    await waitUntil('a request was sent', () => answerRequests(llm).length === 1)
    const body = answerRequests(llm)[0]!.body as { messages: Array<{ role: string; content: string }> }
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' })
  })

  test('an API key set in the window is used by main and never shown back to the page', async () => {
    const secret = 'sk-test-SECRET-1234567890'
    const app = await appForTest({ env: { OPENAI_BASE_URL: llm.url, HARK_MODEL: 'fake-model' }, userData })
    const page = await app.window('index')
    await page.getByTestId('onboarding-skip').click()
    await page.getByTestId('open-settings').click()
    await page.getByTestId('settings-nav-provider').click() // the key is in Settings → Provider
    await page.getByTestId('api-key-input').fill(secret)
    await page.getByTestId('api-key-save').click()
    await expect.poll(() => page.getByTestId('key-status').innerText()).toMatch(/A key is stored/)
    expect(await page.getByTestId('api-key-input').inputValue()).toBe('')
    const routesSeen = await page.evaluate(async () =>
      JSON.stringify([
        await window.hark.invoke('keys.status', { provider: 'openai' }),
        await window.hark.invoke('settings.get', {})
      ])
    )
    expect(routesSeen).not.toContain(secret)
    expect(await page.content()).not.toContain(secret)
    await page.getByTestId('close-settings').click()
    await ask(page, 'Hi')
    await waitUntil('a request was sent', () => answerRequests(llm).length === 1)
    expect(answerRequests(llm)[0]!.headers['authorization']).toBe(`Bearer ${secret}`)
    expect(readFileSync(join(userData, 'keys.json'), 'utf8')).not.toContain(secret)
  })

  test('without a system keyring, storing a key asks first, and once the user agrees it is stored, used and kept', async () => {
    const launch = () =>
      appForTest({
        env: { OPENAI_BASE_URL: llm.url, HARK_MODEL: 'fake-model' },
        userData,
        profile: 'linux-no-keyring'
      })
    let app = await launch()
    let page = await app.window('index')
    await page.getByTestId('onboarding-skip').click()
    await page.getByTestId('open-settings').click()
    await page.getByTestId('settings-nav-provider').click() // the key is in Settings → Provider
    await expect.poll(() => page.getByTestId('key-status').innerText()).toMatch(/No system keyring/)
    await page.getByTestId('api-key-input').fill('sk-basic')
    await page.getByTestId('api-key-save').click()
    await expect.poll(() => page.getByTestId('key-consent').innerText()).toMatch(/weak, built-in encryption/)
    expect(existsSync(join(userData, 'keys.json'))).toBe(false) // nothing stored before consent
    expect(await app.control.calls('safeStorage.setUsePlainTextEncryption')).toEqual([])
    await page.getByTestId('key-consent-accept').click()
    await expect.poll(() => page.getByTestId('key-status').innerText()).toMatch(/A key is stored/)
    expect(readFileSync(join(userData, 'keys.json'), 'utf8')).not.toContain('sk-basic')

    await app.close()
    app = await launch()
    page = await app.window('index')
    await ask(page, 'Hi')
    await waitUntil('a request was sent', () => llm.requests.length === 1)
    expect(llm.requests[0]!.headers['authorization']).toBe('Bearer sk-basic')
  })

  test('first run: pick a provider, paste a key that is tested with one request and then stored, then start asking', async () => {
    const app = await appForTest({ env: { OPENAI_BASE_URL: llm.url, HARK_MODEL: 'fake-model' }, userData })
    const page = await app.window('index')
    await page.getByTestId('choose-openai').click()
    await page.getByTestId('api-key-input').fill('sk-first-run')
    await page.getByTestId('api-key-save').click() // tests the key, and stores it once it works
    await expect.poll(() => page.getByTestId('onboarding-test-ok').innerText(), { timeout: 20_000 }).toMatch(/answered/)
    expect(answerRequests(llm)).toHaveLength(1)
    expect(answerRequests(llm)[0]!.headers['authorization']).toBe('Bearer sk-first-run')
    await page.getByTestId('onboarding-done').click()
    await ask(page, 'Now a real question')
    await waitUntil('it is answered', async () => (await answerStatus(page)) === 'complete')
  })
})
