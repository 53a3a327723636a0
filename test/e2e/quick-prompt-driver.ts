import { fork } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchApp, type LaunchedApp, type LaunchOptions, type WindowState } from '../support/app-launcher'
import { waitUntil } from '../support/e2e-actions'
import { repoRoot } from '../support/harness-app'
import { startFakeLlm, type FakeLlm, type FakeLlmOptions } from '../fake-llm'
import type { TurnEvent } from '../../src/shared/turn-events'

/** Drives Hark's tray and quick-prompt popup for the e2e tests and the bench (so: no vitest imports). */

export const QUICK_HOTKEY = 'CommandOrControl+Shift+K'

export interface QuickSession {
  app: LaunchedApp
  llm: FakeLlm
  close(): Promise<void>
}

export async function startQuickSession(
  opts: {
    llm?: FakeLlmOptions
    settings?: Record<string, unknown>
    takenShortcuts?: string[]
    profile?: LaunchOptions['profile']
    args?: string[]
    env?: Record<string, string>
  } = {}
): Promise<QuickSession> {
  const llm = await startFakeLlm(opts.llm ?? {})
  const userData = mkdtempSync(join(tmpdir(), 'hark-quick-e2e-'))
  if (opts.settings) writeFileSync(join(userData, 'settings.json'), JSON.stringify(opts.settings))
  const app = await launchApp({
    userData,
    takenShortcuts: opts.takenShortcuts,
    profile: opts.profile,
    args: opts.args,
    env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'sk-test', HARK_MODEL: 'fake-model', ...opts.env }
  })
  return {
    app,
    llm,
    close: async () => {
      await app.close()
      await llm.close()
      rmSync(userData, { recursive: true, force: true })
    }
  }
}

// By the title given at creation: a window still loading has no URL yet.
const titles = { quick: 'Hark quick prompt', index: 'Hark' }

export async function windowState(app: LaunchedApp, name: keyof typeof titles): Promise<WindowState> {
  const win = (await app.windows()).find((w) => w.options['title'] === titles[name])
  if (!win) throw new Error(`no ${name} window; windows: ${JSON.stringify(await app.windows())}`)
  return win
}

/** `waitUntil` with this driver's shorter default timeout. */
export const eventually = (what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> =>
  waitUntil(what, probe, timeoutMs)

export async function popupShown(app: LaunchedApp): Promise<boolean> {
  return (await windowState(app, 'quick')).visible
}

/** The popup's page, with its input focused (what the user types into). */
export async function expectPopupReady(app: LaunchedApp): Promise<Page> {
  await eventually('the popup is visible', () => popupShown(app))
  const page = await app.window('quick')
  await page.waitForFunction(() => document.activeElement?.id === 'quick-input', undefined, { timeout: 10_000 })
  const state = await windowState(app, 'quick')
  if (!state.alwaysOnTop || state.options['frame'] !== false)
    throw new Error(`the popup is not a frameless always-on-top window: ${JSON.stringify(state)}`)
  return page
}

/**
 * Presses the quick-prompt hotkey once Hark has started, as a user does: the
 * main window appearing takes focus, and a popup summoned before that would
 * lose it (and hide on blur) the moment the main window shows.
 */
export async function summonPopup(s: QuickSession): Promise<Page> {
  await s.app.window('index')
  await eventually('the main window is shown', async () => (await windowState(s.app, 'index')).visible)
  await s.app.window('quick')
  await s.app.control.triggerShortcut(QUICK_HOTKEY)
  return expectPopupReady(s.app)
}

/** Starts collecting every turn event the page hears, in arrival order. */
export async function recordTurnEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __turnEvents?: unknown[] }
    if (w.__turnEvents) return
    w.__turnEvents = []
    window.hark.on('turn.events', (batch) => w.__turnEvents!.push(...batch))
  })
}

export async function turnEvents(page: Page): Promise<TurnEvent[]> {
  return page.evaluate(() => (window as unknown as { __turnEvents: TurnEvent[] }).__turnEvents)
}

/** Types `prompt` into the popup and presses Enter. */
export async function askInPopup(page: Page, prompt: string): Promise<void> {
  await page.locator('#quick-input').fill(prompt)
  await page.locator('#quick-input').press('Enter')
}

export async function waitForStatus(page: Page, ...statuses: string[]): Promise<void> {
  await page.waitForFunction(
    (s) => s.includes(document.querySelector('main.quick')?.getAttribute('data-status') ?? ''),
    statuses,
    {
      timeout: 30_000
    }
  )
}

/** Asks each prompt in turn, waiting for each answer. */
export async function askEach(page: Page, prompts: string[]): Promise<void> {
  for (const prompt of prompts) {
    await askInPopup(page, prompt)
    await waitForStatus(page, 'done')
  }
}

export async function conversationTitles(app: LaunchedApp): Promise<Array<{ title: string; messageCount: number }>> {
  const main = await app.window('index')
  const { conversations } = await main.evaluate(() => window.hark.invoke('conversations.list', {}))
  return conversations
}

/** Starts collecting the payloads of an app event the page hears. */
export async function collectEvent(page: Page, event: 'app.navigate' | 'app.notice'): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { __collected?: Record<string, unknown[]> }
    w.__collected ??= {}
    if (w.__collected[name]) return
    const list: unknown[] = (w.__collected[name] = [])
    window.hark.on(name, (payload) => list.push(payload))
  }, event)
}

/** What collectEvent gathered, once there is at least one. */
export async function collected<T>(page: Page, event: 'app.navigate' | 'app.notice'): Promise<T[]> {
  const read = (name: string): unknown[] =>
    (window as unknown as { __collected: Record<string, unknown[]> }).__collected[name] ?? []
  await page.waitForFunction(
    (name) => ((window as unknown as { __collected: Record<string, unknown[]> }).__collected[name] ?? []).length > 0,
    event,
    {
      timeout: 10_000
    }
  )
  return page.evaluate(read, event) as Promise<T[]>
}

/**
 * Starts Hark again with `flag` (as `hark --quick-prompt` does): the new
 * instance hands its argv to the running one and exits; resolves with its exit code.
 */
export function launchAgainWith(app: LaunchedApp, flag: string): Promise<number | null> {
  const bundleDir = process.env['HARK_BUNDLE_DIR'] ?? join(repoRoot, 'out')
  const second = fork(join(bundleDir, 'main/index.js'), [flag], {
    cwd: repoRoot,
    execArgv: ['--require', join(repoRoot, 'test/e2e/harness/register.cjs')],
    env: { ...process.env, HARK_USER_DATA: app.userData },
    stdio: 'ignore'
  })
  return new Promise((resolve) => second.on('exit', (code) => resolve(code)))
}
