import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp, type LaunchedApp } from '../support/app-launcher'
import { screenshotsOnFailure } from '../support/app-for-test'

/**
 * Every renderer is untrusted: what a script injected into a page can make
 * main do. Each window may call only the routes its page needs, and a value
 * that reaches a process argument must be one main allows, not just a string.
 */

type LooseInvoke = (route: string, input: unknown) => Promise<unknown>
const refusal = (page: Page, route: string, input: unknown): Promise<string> =>
  page.evaluate(
    ([r, i]) =>
      (window.hark.invoke as unknown as LooseInvoke)(r as string, i).then(
        () => 'resolved',
        (e: Error) => e.message
      ),
    [route, input] as const
  )

describe('a hostile renderer', () => {
  let app: LaunchedApp
  let scratch: string

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'hark-privilege-'))
    app = await launchApp({ env: { OPENAI_BASE_URL: 'https://llm.invalid/v1', OPENAI_API_KEY: 'test-key' } })
  })
  afterAll(async () => {
    await app?.close()
    rmSync(scratch, { recursive: true, force: true })
  })
  screenshotsOnFailure(() => app)

  test('cannot run a command through the recorder device', async () => {
    const marker = join(scratch, 'pwned')
    const main = await app.window('index')
    const answer = await refusal(main, 'settings.set', { voiceInput: { device: `file:'|touch ${marker}'` } })
    expect(answer).toMatch(/is not an input device the recorder lists/)
    const saved = (await main.evaluate(() => window.hark.invoke('settings.get', {}))) as {
      settings: { voiceInput: { device: string } }
    }
    expect(saved.settings.voiceInput.device).toBe('')

    const indicator = await app.window('indicator')
    await indicator.evaluate(() => window.hark.invoke('voice.toggle', {}))
    await new Promise((r) => setTimeout(r, 1500))
    await indicator.evaluate(() => window.hark.invoke('voice.toggle', {}))
    expect(existsSync(marker)).toBe(false)
  })

  test('the popup and the indicator cannot change settings or keys', async () => {
    for (const name of ['quick', 'indicator']) {
      const page = await app.window(name)
      expect(await refusal(page, 'settings.set', { theme: 'dark' })).toMatch(
        /^Refused: this window may not call settings\.set/
      )
      expect(await refusal(page, 'keys.set', { provider: 'openai', key: 'sk-stolen' })).toMatch(
        /^Refused: this window may not call/
      )
      expect(await refusal(page, 'keys.clear', { provider: 'openai' })).toMatch(/^Refused: this window may not call/)
      expect(await refusal(page, 'models.list', { baseUrl: 'http://127.0.0.1:9/v1' })).toMatch(
        /^Refused: this window may not call/
      )
    }
    const main = await app.window('index')
    const { settings } = (await main.evaluate(() => window.hark.invoke('settings.get', {}))) as {
      settings: { theme: string }
    }
    expect(settings.theme).toBe('system')
  })

  test('the main window offers the recorder’s own devices, default first', async () => {
    const main = await app.window('index')
    const { devices } = (await main.evaluate(() => window.hark.invoke('voiceInput.devices', {}))) as {
      devices: string[]
    }
    expect(devices[0]).toBe('default')
    expect(devices.every((d) => /^[A-Za-z0-9_][A-Za-z0-9_.,=:-]*$/.test(d))).toBe(true)
  })
})
