import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startChromium, type RunningChromium } from '../e2e/harness/chromium-process'
import { CONTROL_TAG, type ControlApi, type ControlReply, type WindowState } from '../e2e/harness/control-api'
import { defaultProfile, profileNamed } from '../e2e/harness/profiles'
import { descendants } from './process-tree'
import {
  matchWindow,
  type AppExit,
  type Controls,
  type LaunchedApp,
  type LaunchOptions,
  type WindowMatch
} from './launched-app'

export const repoRoot = resolve(__dirname, '../..')
const registerHook = join(repoRoot, 'test/e2e/harness/register.cjs')

// One safeStorage key for every launch in this test process: a relaunch reads what the last one stored.
const storageKey = randomBytes(32).toString('hex')

/**
 * Hark's real main bundle in a forked Node process whose `electron` is the
 * harness's fake, with its windows as pages in a Chromium this side owns.
 */
export async function launchHarnessApp(opts: LaunchOptions = {}): Promise<LaunchedApp> {
  const bundleDir = opts.bundleDir ?? process.env['HARK_BUNDLE_DIR'] ?? join(repoRoot, 'out')
  const ownUserData = !opts.userData
  const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'hark-e2e-userdata-'))
  mkdirSync(userData, { recursive: true })
  const browserProcess = await startChromium()
  const main =
    opts.main ??
    (opts.packagedResources
      ? join(opts.packagedResources, 'app.asar/out/main/index.js')
      : join(bundleDir, 'main/index.js'))
  const profile = profileNamed(opts.profile ?? defaultProfile)
  const child = fork(main, opts.args ?? [], {
    cwd: repoRoot,
    execArgv: ['--require', registerHook],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: definedOnly({
      ...process.env,
      ...profile.env,
      HARK_USER_DATA: userData,
      // the user's config folder, where Linux's start-at-login entry goes: never the real one
      XDG_CONFIG_HOME: join(userData, 'xdg-config'),
      HARK_HARNESS_CDP: browserProcess.endpoint,
      HARK_HARNESS_PROFILE: profile.name,
      HARK_HARNESS_STORAGE_KEY: storageKey,
      HARK_HARNESS_STORAGE: opts.storageBackend,
      HARK_HARNESS_TAKEN_SHORTCUTS: (opts.takenShortcuts ?? []).join(','),
      HARK_HARNESS_RESOURCES_PATH: opts.packagedResources,
      ...opts.env
    })
  })
  // Watch the child from its first moment (it may exit at once, e.g. as a second instance)
  // and connect while it boots: both sides see the same pages.
  const app = new HarnessApp(
    child,
    chromium.connectOverCDP(browserProcess.endpoint),
    browserProcess,
    userData,
    ownUserData
  )
  await app.connected()
  return app
}

/** An undefined value removes the variable (a profile's "no WAYLAND_DISPLAY here"). */
function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined))
}

class HarnessApp implements LaunchedApp {
  readonly kind = 'harness' as const
  readonly exited: Promise<AppExit>
  readonly control: Controls
  private log = ''
  private nextId = 1
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  private readonly targetIds = new WeakMap<Page, string>()
  private done = false

  constructor(
    private readonly child: ChildProcess,
    private readonly browser: Promise<Browser>,
    private readonly browserProcess: RunningChromium,
    readonly userData: string,
    private readonly ownUserData: boolean
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.log += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (this.log += d.toString()))
    child.on('message', (msg: { [CONTROL_TAG]?: ControlReply }) => this.onReply(msg?.[CONTROL_TAG]))
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        this.done = true
        for (const p of this.pending.values())
          p.reject(new Error(`the app exited (code ${code}, signal ${signal}) before answering`))
        this.pending.clear()
        void this.closeOrphanPages()
        resolveExit({ code, signal })
      })
    })
    this.control = new Proxy({} as Controls, {
      get: (_t, method: string | symbol) =>
        typeof method === 'symbol' || method === 'then'
          ? undefined
          : (...args: unknown[]) => this.request(method as keyof ControlApi, args)
    })
  }

  async connected(): Promise<void> {
    try {
      await this.browser
    } catch (err) {
      this.kill('SIGKILL')
      this.browserProcess.stop()
      throw err
    }
  }

  private async pages(): Promise<Page[]> {
    return (await this.browser).contexts()[0]?.pages() ?? []
  }

  get pid(): number {
    return this.child.pid ?? -1
  }

  private request(method: keyof ControlApi, args: unknown[]): Promise<never> {
    if (this.done) return Promise.reject(new Error(`control.${method}: the app has exited`))
    const id = this.nextId++
    return new Promise((resolveReply, reject) => {
      this.pending.set(id, { resolve: resolveReply as (v: unknown) => void, reject })
      this.child.send({ [CONTROL_TAG]: { id, method, args } })
    })
  }

  private onReply(reply: ControlReply | undefined): void {
    const waiter = reply && this.pending.get(reply.id)
    if (!reply || !waiter) return
    this.pending.delete(reply.id)
    if (reply.ok) waiter.resolve(reply.value)
    else waiter.reject(new Error(`app control: ${reply.error}`))
  }

  windows(): Promise<WindowState[]> {
    return this.control.windows()
  }

  async window(match: WindowMatch = 'index', timeoutMs = 30_000): Promise<Page> {
    const matches = matchWindow(match)
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const win = (await this.windows()).find((w) => w.targetId && w.url && matches(w))
      const page = win && (await this.pageFor(win.targetId))
      if (page) return page
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(
      `no loaded window matching ${String(match)} within ${timeoutMs} ms; windows: ${JSON.stringify(await this.windows().catch(() => []))}\n${this.output()}`
    )
  }

  /** The test's own handle on the page the app's process opened for a window. */
  private async pageFor(targetId: string): Promise<Page | undefined> {
    for (const page of await this.pages()) {
      if (!this.targetIds.has(page)) {
        const cdp = await page.context().newCDPSession(page)
        const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } }
        await cdp.detach()
        this.targetIds.set(page, targetInfo.targetId)
      }
      if (this.targetIds.get(page) === targetId) return page
    }
    return undefined
  }

  /** A killed app's windows would vanish with it; close the pages it left behind. */
  private async closeOrphanPages(): Promise<void> {
    const pages = await this.pages().catch(() => [])
    await Promise.all(pages.filter((p) => p.url() !== 'about:blank').map((p) => p.close().catch(() => undefined)))
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.done) this.child.kill(signal)
  }

  output(): string {
    return this.log
  }

  descendants(): ReturnType<typeof descendants> {
    // Chromium is the test's, not the app's: only what the app itself started.
    return descendants(this.pid)
  }

  async screenshots(dir: string, prefix: string): Promise<string[]> {
    mkdirSync(dir, { recursive: true })
    const files: string[] = []
    const pages = (await this.pages()).filter((p) => p.url() !== 'about:blank' && !p.isClosed())
    for (const [i, page] of pages.entries()) {
      const file = join(
        dir,
        `${prefix}-${i}-${(new URL(page.url()).pathname.split('/').pop() ?? 'page').replace(/\W+/g, '_')}.png`
      )
      await page.screenshot({ path: file, timeout: 5000 }).then(
        () => files.push(file),
        () => undefined
      )
    }
    return files
  }

  async close(): Promise<void> {
    if (!this.done) {
      this.kill('SIGTERM')
      const timer = setTimeout(() => this.kill('SIGKILL'), 5000)
      await this.exited
      clearTimeout(timer)
    }
    await this.browser.then((b) => b.close()).catch(() => undefined)
    this.browserProcess.stop()
    if (this.ownUserData) rmSync(this.userData, { recursive: true, force: true })
  }
}
