import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import { chromiumFileUrl } from './windows-file-urls'
import type { Page, Route } from 'playwright-core'
import type { BrowserHost } from '../page/browser-host'
import { serveFile } from '../page/file-server'
import type { FakeIpcMain, PageMessage } from './ipc-main'
import { record } from './recorder'
import { defaultSession } from './session'
import { fakeApp } from './app'
import { createFromBuffer } from './native-image'
import { strict } from './strict'

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny'
}

let nextId = 1
const all = new Map<number, FakeWebContents>()

export interface WebContentsSetup {
  host: Promise<BrowserHost>
  ipcMain: FakeIpcMain
  preload?: string
  width: number
  height: number
}

/**
 * A window's web contents over one Chromium page. Page work is queued so
 * calls keep Electron's order even though the page opens asynchronously.
 */
export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  readonly session = defaultSession
  readonly page: Promise<Page>
  targetId = ''
  private url = ''
  private title = ''
  private readonly deliverName: Promise<string>
  private destroyed = false
  private loading = false
  /** a navigation the app asked for (loadURL), which will-navigate must not veto */
  private programmaticUrl: string | null = null
  private windowOpenHandler: WindowOpenHandler | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(setup: WebContentsSetup) {
    super()
    const self = strict('webContents', this)
    all.set(this.id, self)
    this.deliverName = setup.host.then((h) => h.names.deliver)
    this.page = setup.host.then(async (host) => {
      const opened = await host.openPage({
        preload: setup.preload,
        width: setup.width,
        height: setup.height,
        onMessage: (frameUrl, msg: PageMessage) => setup.ipcMain.receive(self, frameUrl, msg),
        onRoute: (route) => this.route(route)
      })
      this.targetId = opened.targetId
      opened.page.on('popup', (popup) => void this.onPopup(popup))
      opened.page.on('close', () => this.destroy())
      opened.page.on('crash', () => this.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 }))
      return opened.page
    })
    this.page.catch((err: unknown) => console.error('[harness] could not open a page for a window:', err))
    // Electron announces every web contents, which is how security.ts locks them.
    queueMicrotask(() => fakeApp.emit('web-contents-created', { preventDefault() {} }, self))
    return self
  }

  static fromId(id: number): FakeWebContents | undefined {
    return all.get(id)
  }

  static getAllWebContents(): FakeWebContents[] {
    return [...all.values()]
  }

  /** Runs page work in call order; a failure is logged, never thrown at the app. */
  private run<T>(what: string, work: (page: Page) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => work(await this.page))
    this.queue = next.catch((err: unknown) => {
      if (!this.destroyed) console.error(`[harness] webContents.${what} failed:`, err)
    })
    return next
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    const copied = structuredClone(args)
    void this.run('send', async (page) =>
      page.evaluate(
        ({ name, channel, args }) => {
          const deliver = (window as unknown as Record<string, ((c: string, a: unknown[]) => void) | undefined>)[name]
          deliver?.(channel, args)
        },
        { name: await this.deliverName, channel, args: copied }
      )
    ).catch(() => undefined)
  }

  loadURL(requested: string): Promise<void> {
    const url = chromiumFileUrl(requested)
    this.loading = true // at once, as in Electron: isLoading() is true from the call on
    return this.run('loadURL', async (page) => {
      this.programmaticUrl = url
      this.emit('did-start-loading')
      try {
        await page.goto(url, { waitUntil: 'load' })
      } catch (err) {
        this.emit('did-fail-load', { preventDefault() {} }, -6, String(err), url, true)
        throw err
      } finally {
        this.loading = false
        this.programmaticUrl = null
      }
      this.url = page.url()
      this.title = await page.title()
      this.emit('page-title-updated', { preventDefault() {} }, this.title)
      this.emit('dom-ready')
      this.emit('did-finish-load')
      this.emit('did-stop-loading')
    })
  }

  loadFile(path: string, options: { query?: Record<string, string>; hash?: string } = {}): Promise<void> {
    const url = pathToFileURL(path)
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
    if (options.hash) url.hash = options.hash
    return this.loadURL(url.href)
  }

  reload(): void {
    void this.run('reload', (page) => page.reload()).catch(() => undefined)
  }

  getURL(): string {
    return this.url
  }

  get mainFrame(): { url: string; frameTreeNodeId: number } {
    return { url: this.url, frameTreeNodeId: this.id }
  }

  getTitle(): string {
    return this.title
  }

  isLoading(): boolean {
    return this.loading
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  isCrashed(): boolean {
    return false
  }

  focus(): void {
    void this.run('focus', (page) => page.bringToFront()).catch(() => undefined)
  }

  executeJavaScript(code: string): Promise<unknown> {
    return this.run('executeJavaScript', (page) => page.evaluate(code))
  }

  capturePage(): Promise<ReturnType<typeof createFromBuffer>> {
    return this.run('capturePage', async (page) => createFromBuffer(await page.screenshot()))
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }

  openDevTools(...args: unknown[]): void {
    record('webContents.openDevTools', ...args)
  }

  closeDevTools(): void {}

  isDevToolsOpened(): boolean {
    return false
  }

  setBackgroundThrottling(allowed: boolean): void {
    record('webContents.setBackgroundThrottling', allowed)
  }

  setZoomFactor(factor: number): void {
    record('webContents.setZoomFactor', factor)
  }

  setAudioMuted(muted: boolean): void {
    record('webContents.setAudioMuted', muted)
  }

  /** Closes the page; idempotent. The window calls this on close/destroy. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    all.delete(this.id)
    this.emit('destroyed')
    void this.page.then((p) => p.close()).catch(() => undefined)
  }

  close(): void {
    this.destroy()
  }

  toJSON(): object {
    return { webContents: this.id }
  }

  /** Serves our files and puts page-initiated navigations to the app's will-navigate listeners. */
  private async route(route: Route): Promise<void> {
    const request = route.request()
    const url = request.url()
    const isMainNavigation = request.isNavigationRequest() && request.frame().parentFrame() === null
    if (isMainNavigation && url !== this.programmaticUrl && this.vetoed('will-navigate', url))
      return route.abort('aborted')
    if (url.startsWith('file:')) return serveFile(route, defaultSession.applyHeaders)
    return route.continue()
  }

  private vetoed(event: string, url: string): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true), url }, url)
    return prevented
  }

  /** window.open: the app's handler decides; the harness never lets a popup live. */
  private async onPopup(popup: Page): Promise<void> {
    await popup.waitForLoadState('domcontentloaded').catch(() => undefined)
    const url = popup.url()
    const decision = this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }) ?? {
      action: 'allow'
    }
    record('webContents.windowOpen', url, decision.action)
    await popup.close().catch(() => undefined)
    if (decision.action === 'allow')
      console.error(`[harness] does not emulate child windows: window.open('${url}') was allowed and closed`)
  }
}
