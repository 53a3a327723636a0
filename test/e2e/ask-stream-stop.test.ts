import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { startFakeLlm, DEFAULT_ANSWER, type FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { recordTurnEvents, seenTurnEvents, waitForTurnEvent } from '../support/page-events'
import type { LaunchedApp } from '../support/app-launcher'
import { ask, readyToAskAgain, waitUntil } from '../support/e2e-actions'

/**
 * The foundation, end to end on the built app: ask in the window, watch the
 * answer stream in while the server is still sending, hear the first sentence
 * before the answer is complete, and Stop closes the HTTP stream and the voice.
 */

const answer = (page: Page): Promise<string> => page.locator('[data-testid=answer]').innerText()
const audioProcess = /^(festival|aplay|paplay|espeak|espeak-ng|text2wave|sox|play)$/

describe('asking in the main window', () => {
  let llm: FakeLlm
  let app: LaunchedApp

  beforeEach(async () => {
    // ~1300 characters at 8 characters per 80 ms: over ten seconds of streaming, so "while
    // the server is still sending" holds with a wide margin on a loaded machine.
    llm = await startFakeLlm({
      text: `${DEFAULT_ANSWER} ${DEFAULT_ANSWER} ${DEFAULT_ANSWER}`,
      timing: { chunkSize: 8, delayMs: 80 }
    })
  })
  afterEach(async () => {
    await llm.close()
  })

  test('streams the answer and speaks its first sentence while the server is still sending; Stop ends both', async () => {
    app = await appForTest({ env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' } })
    const page = await app.window('index')
    await recordTurnEvents(page)
    await ask(page, 'Tell me about the harbour town.')

    const stillSending = (): boolean => llm.requests.length === 1 && !llm.requests[0]!.connection.closed
    // (1) the answer grows before the stream ends
    await waitUntil('some answer text shows', async () => (await answer(page)).length > 0)
    const early = (await answer(page)).length
    await waitUntil('the answer grows', async () => (await answer(page)).length > early)
    expect(stillSending()).toBe(true)

    // (2) the first utterance goes to the voice while the server is still sending
    const first = await waitForTurnEvent(page, (e) => e.type === 'utterance')
    expect(first.event).toMatchObject({ type: 'utterance', index: 0 })
    expect(stillSending()).toBe(true)
    expect(DEFAULT_ANSWER.startsWith((first.event as { text: string }).text.slice(0, 10))).toBe(true)
    await waitForTurnEvent(page, (e) => e.type === 'speech' && e.state === 'started')
    expect(stillSending()).toBe(true)
    // the voice is real: the app runs a TTS or player process (so "none left" below means something)
    await waitUntil(
      'a TTS or audio process of the app runs',
      () => app.descendants().some((p) => audioProcess.test(p.command)),
      10_000
    )
    expect(stillSending()).toBe(true)

    // (3) Stop closes the HTTP stream mid-answer
    await page.getByTestId('stop-button').click()
    const closed = await llm.waitForClose(0, 10_000)
    expect(closed).toMatchObject({ closedByClient: true, stillSending: true })
    const request = llm.requests[0]!
    expect(request.headers['authorization']).toBe('Bearer test-key')
    expect(request.body).toMatchObject({ model: 'fake-model', stream: true })

    // (4) speech stops: every utterance that started ends, and no audio process of the app lives on
    await waitUntil('every started utterance has ended', async () => {
      const speech = (await seenTurnEvents(page)).map((s) => s.event).filter((e) => e.type === 'speech')
      const started = new Set(speech.filter((e) => e.state === 'started').map((e) => e.index))
      const ended = new Set(speech.filter((e) => e.state !== 'started').map((e) => e.index))
      return [...started].every((i) => ended.has(i))
    })
    await waitUntil(
      'no TTS or audio process is left',
      () => !app.descendants().some((p) => audioProcess.test(p.command)),
      10_000
    )
    await waitForTurnEvent(page, (e) => e.type === 'error' && e.kind === 'aborted')
    await expect.poll(() => readyToAskAgain(page)).toBe(true)
    const shown = await answer(page)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThan(3 * DEFAULT_ANSWER.length)
    expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection/)
  })

  test('typing a question opens the connection to the endpoint and readies the voice before Ask is pressed, sending no key', async () => {
    app = await appForTest({ env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' } })
    const page = await app.window('index')
    await page.getByTestId('prompt-input').pressSequentially('Hi')
    await waitUntil('a warm-up reaches the endpoint', () => llm.warmups.length > 0)
    await waitUntil('a synthesiser or player waits for the answer', () =>
      app.descendants().some((p) => audioProcess.test(p.command))
    )
    expect(llm.requests).toEqual([])
    expect(llm.warmups[0]!.headers['authorization']).toBeUndefined()
  })

  test('a complete answer is shown in full and the Ask button is usable again', async () => {
    llm.setTiming({ delayMs: 2, chunkSize: 32 })
    app = await appForTest({ env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', HARK_MODEL: 'fake-model' } })
    const page = await app.window('index')
    // the text alone: with the voice on, the button stays Stop until it has finished speaking (voice-window tests that)
    await page.evaluate(() => window.hark.invoke('settings.set', { speech: { enabled: false } }))
    await recordTurnEvents(page)
    await ask(page, 'Tell me about the harbour town.')
    const done = await waitForTurnEvent(page, (e) => e.type === 'done')
    expect(done.event).toMatchObject({ type: 'done', finishReason: 'stop' })
    await expect.poll(() => answer(page)).toBe(`${DEFAULT_ANSWER} ${DEFAULT_ANSWER} ${DEFAULT_ANSWER}`)
    await expect.poll(() => readyToAskAgain(page)).toBe(true)
  })
})
