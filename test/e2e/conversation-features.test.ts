import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startFakeLlm, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { ask, waitUntil } from '../support/e2e-actions'
import { answerRequests, isTitleRequest } from '../support/answer-requests'

/**
 * The conversation half of issue 14 on the built app: answer versions, the
 * model picker, the greeting, titles the model writes, date groups, clean
 * search snippets and error copy with its one action.
 */

const env = (llm: FakeLlm) => ({ OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' })
const answerText = (page: Page): Promise<string> => page.getByTestId('answer').innerText()
const answerStatus = (page: Page) => page.locator('.message.assistant').last().getAttribute('data-status')
const complete = async (page: Page) => (await answerStatus(page)) === 'complete'
const sentModel = (llm: FakeLlm) => (answerRequests(llm).at(-1)!.body as { model: string }).model

const made: string[] = []
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })))

function newUserData(settings?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'hark-conversation-'))
  made.push(dir)
  if (settings) writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings))
  return dir
}

/** A saved conversation as the store writes it, last used `daysAgo` days before now. */
function seedConversation(userData: string, id: string, title: string, daysAgo: number, answer = 'An answer.'): void {
  const at = Date.now() - daysAgo * 86_400_000
  const lines = [
    { t: 'meta', v: 1, id, title, createdAt: at, updatedAt: at },
    { t: 'msg', m: { id: `${id}-q`, role: 'user', content: title, createdAt: at, status: 'complete' } },
    { t: 'msg', m: { id: `${id}-a`, role: 'assistant', content: answer, createdAt: at, status: 'complete' } }
  ]
  mkdirSync(join(userData, 'conversations'), { recursive: true })
  writeFileSync(join(userData, 'conversations', `${id}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
}

function streamText(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' })
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
  res.end(`${chunk({ role: 'assistant', content: text }, null)}${chunk({}, 'stop')}data: [DONE]\n\n`)
}

describe('conversations in the main window', () => {
  let llm: FakeLlm

  beforeEach(async () => {
    llm = await startFakeLlm({ text: 'First answer about tides.', timing: { chunkSize: 50, delayMs: 5 } })
  })
  afterEach(async () => {
    await llm.close()
  })

  test('Regenerate and Edit keep earlier versions, browsable, and a stopped regenerate destroys nothing', async () => {
    const app = await appForTest({ env: env(llm), userData: newUserData({ autoTitle: false }) })
    const page = await app.window('index')
    await ask(page, 'How do tides work?')
    await waitUntil('the first answer completes', () => complete(page))

    llm.setText('Second answer about the moon.')
    await page.getByTestId('regenerate-button').click()
    await waitUntil('the second answer completes', async () => (await answerText(page)).includes('moon'))
    await waitUntil('it is complete', () => complete(page))
    expect(await page.getByTestId('version-label').innerText()).toBe('2/2')
    await page.getByTestId('version-previous').click()
    await expect.poll(() => answerText(page)).toContain('First answer about tides')
    expect(await page.getByTestId('version-label').innerText()).toBe('1/2')

    // A regenerate stopped before its first word shows the version that was on screen again.
    llm.setScenario('slow-headers')
    llm.setTiming({ headerDelayMs: 10_000 })
    await page.getByTestId('regenerate-button').click()
    await waitUntil('the regenerate is waiting', async () => (await answerStatus(page)) === 'streaming')
    await page.keyboard.press('Escape')
    await expect.poll(() => answerText(page)).toContain('First answer about tides')
    await expect.poll(() => page.getByTestId('version-label').innerText()).toBe('1/2')

    llm.setScenario('normal')
    llm.setText('Answer to the edited question.')
    await page.getByTestId('user-message').hover()
    await page.getByTestId('edit-button').click()
    await page.getByTestId('edit-input').fill('How do tides work on lakes?')
    await page.getByTestId('edit-save').click()
    await waitUntil('the edited question is answered', async () => (await answerText(page)).includes('edited'))
    const question = page.getByTestId('user-message')
    await expect.poll(() => question.getByTestId('version-label').innerText()).toBe('2/2')
    await question.getByTestId('version-previous').click()
    await expect.poll(() => question.innerText()).toContain('How do tides work?')
    await expect.poll(() => answerText(page)).toContain('First answer about tides')
    await expect.poll(() => page.locator('.message.assistant').getByTestId('version-label').innerText()).toBe('1/2')
  })

  test('the model picker lists models, takes free text, is remembered per conversation, and each answer shows its model', async () => {
    const app = await appForTest({ env: env(llm), userData: newUserData({ autoTitle: false }) })
    const page = await app.window('index')
    await expect.poll(() => page.getByTestId('model-picker').innerText()).toMatch(/Default model/)
    await page.getByTestId('model-picker').click()
    await page.getByTestId('model-option').filter({ hasText: 'fake-reasoner' }).click()
    await ask(page, 'First conversation')
    await waitUntil('the answer completes', () => complete(page))
    expect(sentModel(llm)).toBe('fake-reasoner')
    expect(await page.getByTestId('answer-model').innerText()).toBe('fake-reasoner')

    await page.getByTestId('new-conversation').click()
    await expect.poll(() => page.getByTestId('model-picker').innerText()).toMatch(/Default model/)
    await page.getByTestId('model-picker').click()
    const options = await page.getByTestId('model-menu').innerText()
    expect(options.indexOf('Recent')).toBeLessThan(options.indexOf('Available'))
    expect(options.indexOf('fake-reasoner')).toBeLessThan(options.indexOf('Available'))
    await page.getByTestId('model-input').fill('my-org/custom-model:free')
    await page.getByTestId('model-input').press('Enter')
    await ask(page, 'Second conversation')
    await waitUntil(
      'the second answer completes',
      async () => answerRequests(llm).length === 2 && (await complete(page))
    )
    expect(sentModel(llm)).toBe('my-org/custom-model:free')
    await expect.poll(() => page.getByTestId('answer-model').innerText()).toBe('my-org/custom-model:free')

    await page.getByTestId('conversation-item').filter({ hasText: 'First conversation' }).click()
    await expect.poll(() => page.getByTestId('model-picker').innerText()).toMatch(/fake-reasoner/)
    await ask(page, 'Still the reasoner?')
    await waitUntil('the third answer is sent', () => answerRequests(llm).length === 3)
    expect(sentModel(llm)).toBe('fake-reasoner')
  })

  test('an empty chat greets with suggestions and the hotkeys as the platform writes them', async () => {
    const app = await appForTest({ env: env(llm), userData: newUserData({ autoTitle: false }) })
    const page = await app.window('index')
    await expect.poll(() => page.getByTestId('empty-chat').isVisible()).toBe(true)
    const hints = await page.getByTestId('hotkey-hints').innerText()
    expect(hints).toContain('Ctrl+Shift+Space')
    expect(hints).toContain('Ctrl+Shift+K')
    expect(hints).not.toContain('CommandOrControl')
    const suggestion = page.getByTestId('suggestion').first()
    const asked = await suggestion.innerText()
    await suggestion.click()
    await waitUntil('the suggestion is answered', () => complete(page))
    expect(await page.getByTestId('user-message').innerText()).toContain(asked)
    expect(await page.getByTestId('empty-chat').count()).toBe(0)
  })

  test('the model names a conversation after its first answer, asked only after it; off, the first line stays', async () => {
    llm.route('POST /v1/chat/completions', (_req, res, _raw, record) => {
      streamText(res, isTitleRequest(record) ? '"Tides and the Moon."' : 'The tide rises twice a day.')
    })
    const app = await appForTest({ env: env(llm), userData: newUserData() })
    const page = await app.window('index')
    await ask(page, 'why does the sea go up and down every day, and what does the moon have to do with it')
    await waitUntil(
      'the model’s title is shown',
      async () => (await page.getByTestId('conversation-title').innerText()) === 'Tides and the Moon'
    )
    expect(await page.getByTestId('conversation-item').first().innerText()).toBe('Tides and the Moon')
    await waitUntil('the answer shows complete', () => complete(page))
    expect(await answerText(page)).toBe('The tide rises twice a day.')
    const titleRequest = llm.requests.find(isTitleRequest)!
    expect(titleRequest.index).toBeGreaterThan(answerRequests(llm)[0]!.index)

    await page.getByTestId('open-settings').click()
    await page.getByTestId('auto-title').click()
    await expect.poll(() => page.getByTestId('auto-title').isChecked()).toBe(false)
    await page.getByTestId('close-settings').click()
    await page.getByTestId('new-conversation').click()
    await ask(page, 'Second question\nwith more lines')
    await waitUntil('the answer completes', () => complete(page))
    await new Promise((r) => setTimeout(r, 500)) // time a title request would have taken
    expect(llm.requests.filter(isTitleRequest)).toHaveLength(1)
    expect(await page.getByTestId('conversation-title').innerText()).toBe('Second question')
  })

  test('the sidebar groups conversations by date, and search shows clean snippets with the match marked', async () => {
    const userData = newUserData({ autoTitle: false })
    const table = '## Ports\n\n| Port | Use |\n|---|---|\n| 22 | **ssh** for the harbour master |\n'
    seedConversation(userData, 'c-today', 'Today talk', 0, table)
    seedConversation(userData, 'c-yesterday', 'Yesterday talk', 1)
    seedConversation(userData, 'c-week', 'Earlier this week', 4)
    seedConversation(userData, 'c-old', 'Long ago', 60)
    const app = await appForTest({ env: env(llm), userData })
    const page = await app.window('index')
    const month = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(
      new Date(Date.now() - 60 * 86_400_000)
    )
    await expect
      .poll(() => page.getByTestId('date-heading').allInnerTexts())
      .toEqual(['Today', 'Yesterday', 'Previous 7 days', month])

    await page.getByTestId('conversation-search').fill('HARBOUR master')
    const snippet = page.getByTestId('search-snippet')
    await expect.poll(() => snippet.count()).toBe(1)
    const text = await snippet.innerText()
    expect(text).toContain('ssh for the harbour master')
    expect(text).not.toMatch(/\|---|\*\*|##/)
    expect(await snippet.locator('mark').innerText()).toBe('harbour master')
  })

  test('an error says what happened once, with one button that opens Settings at the provider', async () => {
    llm.setScenario('unauthorized')
    const app = await appForTest({ env: env(llm), userData: newUserData({ autoTitle: false }) })
    const page = await app.window('index')
    await ask(page, 'Hello?')
    const error = page.getByTestId('error-message')
    await error.waitFor({ state: 'visible', timeout: 30_000 })
    const sentence = await error.innerText()
    expect(sentence).toMatch(/key was rejected/)
    expect(sentence.match(/[.!?](\s|$)/g)).toHaveLength(1)
    expect(sentence).not.toMatch(/Settings/)
    const action = page.getByTestId('error-action')
    expect(await action.evaluate((el) => el.tagName)).toBe('BUTTON')
    expect(await action.innerText()).toBe('Open Settings')
    await action.click()
    await expect.poll(() => page.getByTestId('settings-view').isVisible()).toBe(true)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('#settings-provider') !== null))
      .toBe(true)

    await page.getByTestId('close-settings').click()
    llm.setScenario('event-error')
    await page.getByTestId('retry-button').click()
    await waitUntil(
      'the retry fails part-way',
      async () => (await answerStatus(page)) === 'error' && (await answerText(page)).trim() !== ''
    )
    const row = page.locator('.message.assistant .answer-actions')
    for (const id of ['retry-button', 'continue-button', 'copy-answer'])
      expect(await row.getByTestId(id).count(), `${id} on the answer's row`).toBe(1)
  })
})
