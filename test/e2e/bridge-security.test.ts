import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp, type LaunchedApp } from '../support/app-launcher'
import { screenshotsOnFailure } from '../support/app-for-test'

/**
 * What a page (and so any script injected into it) can reach: only the
 * bridge's few functions, never Node, Electron or ipcRenderer, and nothing
 * main has not validated.
 */

type Loose = Record<string, unknown>

describe('the renderer bridge', () => {
  let app: LaunchedApp
  let page: Page

  beforeAll(async () => {
    app = await launchApp({ env: { OPENAI_BASE_URL: 'https://llm.invalid/v1', OPENAI_API_KEY: 'test-key' } })
    page = await app.window('index')
  })
  afterAll(async () => {
    await app?.close()
  })
  screenshotsOnFailure(() => app)

  test('exposes only the bridge API, frozen', async () => {
    const shape = await page.evaluate(() => {
      const hark = window.hark as unknown as Loose
      const replaced = Reflect.set(window, 'hark', {})
      const patched = Reflect.set(hark, 'invoke', () => 'pwned')
      return {
        keys: Object.keys(hark).sort(),
        types: Object.values(hark).map((v) => typeof v),
        frozen: Object.isFrozen(hark),
        replaced,
        patched
      }
    })
    expect(shape).toEqual({
      keys: ['invoke', 'on'],
      types: Array(2).fill('function'),
      frozen: true,
      replaced: false,
      patched: false
    })
  })

  test('gives the page no Node, no Electron and no ipcRenderer', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Loose
      const leaks = Object.getOwnPropertyNames(window).filter((name) => {
        const value = w[name] as Loose | null
        return (
          value !== null &&
          typeof value === 'object' &&
          typeof value['invoke'] === 'function' &&
          typeof value['send'] === 'function'
        )
      })
      return {
        require: typeof w['require'],
        process: typeof w['process'],
        module: typeof w['module'],
        electron: typeof w['electron'],
        ipcRenderer: typeof w['ipcRenderer'],
        Buffer: typeof w['Buffer'],
        leaks
      }
    })
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      electron: 'undefined',
      ipcRenderer: 'undefined',
      Buffer: 'undefined',
      leaks: []
    })
  })

  test('hands event listeners the payload only, never the IPC event and its sender', async () => {
    const args = await page.evaluate(async () => {
      const received = new Promise<unknown[]>((resolve) => {
        const off = window.hark.on('settings.changed', (...a: unknown[]) => {
          off()
          resolve(a)
        })
      })
      const { settings } = await window.hark.invoke('settings.get', {})
      await window.hark.invoke('settings.set', {
        systemPrompt: settings.systemPrompt === 'Answer briefly.' ? 'Answer kindly.' : 'Answer briefly.'
      })
      return received
    })
    expect(args).toHaveLength(1)
    expect(JSON.stringify(args[0])).not.toMatch(/sender|ipcRenderer/)
    expect(args[0]).toHaveProperty('provider')
  })

  test('rejects a route that is not in the contract', async () => {
    const error = await page.evaluate(() =>
      (window.hark.invoke as (route: string, input: unknown) => Promise<unknown>)('fs.readFile', {
        path: '/etc/passwd'
      }).then(
        () => 'resolved',
        (e: Error) => e.message
      )
    )
    expect(error).toMatch(/Unknown route: fs\.readFile/)
  })

  test('answers invalid input with a validation error and loses nothing', async () => {
    const results = await page.evaluate(async () => {
      const message = (p: Promise<unknown>) =>
        p.then(
          () => 'resolved',
          (e: Error) => e.message
        )
      const invoke = window.hark.invoke as (route: string, input: unknown) => Promise<unknown>
      return {
        blank: await message(window.hark.invoke('turn.ask', { prompt: '   ' })),
        wrongType: await message(invoke('speech.setMuted', { muted: 'yes' })),
        notAnObject: await message(invoke('turn.ask', 'just a string')),
        stillWorks: await invoke('app.info', {})
      }
    })
    expect(results.blank).toMatch(/Invalid request: Type a question first/)
    expect(results.wrongType).toMatch(/Invalid request/)
    expect(results.notAnObject).toMatch(/Invalid request/)
    expect(results.stillWorks).toMatchObject({ version: expect.any(String), platform: 'linux' })
    expect(app.output()).not.toMatch(/uncaughtException|unhandledRejection/)
  })

  test('blocks injected inline scripts (CSP) and navigation away from the app', async () => {
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script')
      s.textContent = 'window.__injected = true'
      document.body.append(s)
      await new Promise((r) => setTimeout(r, 50))
      return (window as unknown as Loose)['__injected'] === true
    })
    expect(ran).toBe(false)
    const before = page.url()
    await page.evaluate(() => (window.location.href = 'https://example.com/phish')).catch(() => undefined)
    await new Promise((r) => setTimeout(r, 300))
    expect(page.url()).toBe(before)
    await expect.poll(() => page.evaluate(() => typeof window.hark)).toBe('object')
  })
})
