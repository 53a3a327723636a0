import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { Settings } from '../../src/shared/settings'
import type { FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import type { LaunchedApp, LaunchOptions } from '../support/launched-app'
import { fakeLlmEnv, freshLlmAndUserData } from '../support/fresh-llm-and-user-data'

/** Settings on the built app: sections, Esc, errors next to the field, every setting reachable. */

/** What is on disk; nothing saved yet reads as {}. */
const stored = (userData: string): Partial<Settings> => {
  const file = join(userData, 'settings.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>) : {}
}

async function openSection(page: Page, id: string): Promise<void> {
  await page.getByTestId(`settings-nav-${id}`).click()
  await expect.poll(() => page.getByTestId(`settings-nav-${id}`).getAttribute('aria-current')).toBe('page')
}

describe('the settings view', () => {
  let llm: FakeLlm
  let userData: string
  freshLlmAndUserData(
    { text: 'Short answer.', timing: { chunkSize: 50, delayMs: 5 } },
    'hark-settings-view-',
    (fresh) => ({ llm, userData } = fresh)
  )

  const openIn = async (profile: LaunchOptions['profile']): Promise<{ app: LaunchedApp; page: Page }> => {
    const app = await appForTest({ env: fakeLlmEnv(llm), userData, ...(profile ? { profile } : {}) })
    const page = await app.window('index')
    await page.getByTestId('open-settings').click()
    await page.getByTestId('settings-view').waitFor()
    return { app, page }
  }
  const open = async (): Promise<Page> => (await openIn(undefined)).page
  /** the note that says what start at login does here, right after its checkbox */
  const loginNote = (page: Page) =>
    page.locator('label:has([data-testid="start-at-login"]) + [data-testid="start-at-login-note"]')

  test('shows one section at a time from the section list, and Esc closes it', async () => {
    const page = await open()
    const sections = {
      general: 'General',
      provider: 'Provider',
      speech: 'Speech',
      'voice-input': 'Voice input',
      hotkeys: 'Hotkeys',
      'quick-prompt': 'Quick prompt'
    }
    for (const [id, heading] of Object.entries(sections)) {
      await openSection(page, id)
      expect(await page.locator('.settings-body h2').allInnerTexts()).toEqual([heading])
    }
    await page.keyboard.press('Escape')
    await page.getByTestId('settings-view').waitFor({ state: 'detached' })
    await page.getByTestId('prompt-input').waitFor()
  })

  test('an invalid Base URL is kept in its field with a plain reason next to it, and is not saved', async () => {
    const page = await open()
    await openSection(page, 'provider')
    const field = page.getByTestId('provider-base-url')
    await field.fill('not a web address')
    await page.getByTestId('provider-model').focus()
    const error = page.getByTestId('field-error-provider.baseUrl')
    await expect.poll(() => error.innerText()).toMatch(/is not a web address/)
    expect(await error.innerText()).not.toMatch(/provider\.baseUrl|Invalid URL/)
    expect(await field.inputValue()).toBe('not a web address')
    expect(await field.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'))
    expect(await page.getByTestId('settings-error').allInnerTexts()).toEqual([])
    expect(stored(userData).provider?.baseUrl ?? llm.url).not.toBe('not a web address')

    await field.fill('http://127.0.0.1:9/v1')
    await page.getByTestId('provider-model').focus()
    await expect.poll(() => stored(userData).provider?.baseUrl).toBe('http://127.0.0.1:9/v1')
    await expect.poll(() => error.count()).toBe(0)
  })

  test('a timeout out of range says the range next to the field; a good one is saved', async () => {
    const page = await open()
    await openSection(page, 'provider')
    const idle = page.getByTestId('provider-idle-timeout')
    await idle.fill('0')
    await page.getByTestId('provider-turn-timeout').focus()
    await expect.poll(() => page.getByTestId('field-error-provider.idleTimeoutSec').innerText()).toMatch(/at least 1/)
    await idle.fill('45')
    await page.getByTestId('provider-turn-timeout').focus()
    await expect.poll(() => stored(userData).provider?.idleTimeoutSec).toBe(45)
  })

  test('mute, start at login, the popup and the timeouts are all settable, and "Saved" clears', async () => {
    const page = await open()
    await page.getByTestId('start-at-login').click()
    await expect.poll(() => page.getByTestId('settings-saved').innerText()).toBe('Saved')
    await expect.poll(() => stored(userData).startAtLogin).toBe(true)
    await expect.poll(() => page.getByTestId('settings-saved').innerText(), { timeout: 5000 }).toBe('')

    await openSection(page, 'speech')
    await page.getByTestId('speech-muted').click()
    await expect.poll(() => stored(userData).speech?.muted).toBe(true)
    await expect.poll(() => page.getByTestId('voice-preview').isDisabled()).toBe(true)
    expect(await page.getByTestId('voice-preview-note').innerText()).toMatch(/muted/)

    await openSection(page, 'quick-prompt')
    await page.getByTestId('quick-hide-on-blur').click()
    await expect.poll(() => stored(userData).quickPrompt?.hideOnBlur).toBe(false)
    await page.getByTestId('quick-save-to').selectOption('new-conversation')
    await expect.poll(() => stored(userData).quickPrompt).toEqual({ hideOnBlur: false, saveTo: 'new-conversation' })

    await openSection(page, 'provider')
    await page.getByTestId('provider-connect-timeout').fill('12')
    await page.getByTestId('provider-turn-timeout').focus()
    await expect.poll(() => stored(userData).provider?.connectTimeoutSec).toBe(12)
    await page.getByTestId('provider-turn-timeout').fill('120')
    await page.getByTestId('provider-idle-timeout').focus()
    await expect
      .poll(() => [stored(userData).provider?.connectTimeoutSec, stored(userData).provider?.turnTimeoutSec])
      .toEqual([12, 120])
  })

  test("start at login on Linux writes Hark's autostart entry, says where, and removes it when turned off", async () => {
    const { app, page } = await openIn('linux-x11')
    const entry = join(userData, 'xdg-config', 'autostart', 'hark.desktop')
    await expect.poll(() => loginNote(page).innerText()).toContain(entry)
    await page.getByTestId('start-at-login').click()
    await expect.poll(() => existsSync(entry)).toBe(true)
    expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=\S+ \S+ --hidden$/m)
    await page.getByTestId('start-at-login').click()
    await expect.poll(() => existsSync(entry)).toBe(false)
    expect(stored(userData).startAtLogin).toBe(false)
    expect(await app.control.calls('app.setLoginItemSettings')).toEqual([])
  })

  test('start at login on macOS from a checkout says next to the control why nothing is registered', async () => {
    const { app, page } = await openIn('darwin')
    await expect.poll(() => loginNote(page).innerText()).toMatch(/needs the installed Hark.*npm run dist/)
    await page.getByTestId('start-at-login').click()
    await expect.poll(() => stored(userData).startAtLogin).toBe(true)
    await page.getByText('Could not change start at login').first().waitFor()
    expect(await app.control.loginItem()).toBeNull()
    await page.getByTestId('start-at-login').click()
    await expect.poll(() => stored(userData).startAtLogin).toBe(false)
    expect(await app.control.calls('app.setLoginItemSettings')).toEqual([])
    expect(await app.control.loginItem()).toBeNull()
  })

  test('hotkeys are written as Linux writes them, not in Electron syntax', async () => {
    const page = await open()
    await openSection(page, 'hotkeys')
    expect(await page.getByTestId('hotkey-push-to-talk').innerText()).toBe('Ctrl+Shift+Space')
    expect(await page.getByTestId('hotkey-quick-prompt').innerText()).toBe('Ctrl+Shift+K')
    // Esc while recording cancels the recording and leaves Settings open
    await page.getByTestId('hotkey-quick-prompt').click()
    await page.keyboard.press('Escape')
    expect(await page.getByTestId('hotkey-quick-prompt').innerText()).toBe('Ctrl+Shift+K')
    expect(await page.getByTestId('settings-view').count()).toBe(1)
  })
})
