import { randomBytes } from 'node:crypto'
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core'
import { startChromium } from '../chromium-process'
import { preloadInitScript, type BridgeNames } from './preload-script'
import type { PageMessage } from '../electron/ipc-main'

export interface PageSetup {
  preload?: string
  width: number
  height: number
  /** a renderer message from ipcRenderer, with the URL of the frame that sent it */
  onMessage(frameUrl: string, msg: PageMessage): Promise<unknown>
  /** every request the page makes (navigation guard, file serving) */
  onRoute(route: Route): Promise<void>
}

export interface OpenedPage {
  page: Page
  /** CDP target id: how the test finds the same page over its own connection */
  targetId: string
}

/**
 * The app process's connection to Chromium: each BrowserWindow becomes a page
 * in the default context. Connects to the test's Chromium (HARK_HARNESS_CDP),
 * or starts its own when the bundle is run by hand.
 */
export class BrowserHost {
  readonly names: BridgeNames = {
    binding: `__hark_${randomBytes(8).toString('hex')}`,
    deliver: `__hark_${randomBytes(8).toString('hex')}`
  }

  private readonly opened = new Set<Page>()

  private constructor(
    private readonly context: BrowserContext,
    private readonly stopOwned: () => void
  ) {}

  static async connect(): Promise<BrowserHost> {
    const given = process.env['HARK_HARNESS_CDP']
    const own = given ? null : await startChromium()
    const browser = await chromium.connectOverCDP(given ?? own!.endpoint)
    const context = browser.contexts()[0]
    if (!context) throw new Error('harness: Chromium offered no default browser context')
    return new BrowserHost(context, () => own?.stop())
  }

  async openPage(setup: PageSetup): Promise<OpenedPage> {
    const page = await this.context.newPage()
    this.opened.add(page)
    page.on('close', () => this.opened.delete(page))
    await page.setViewportSize({ width: setup.width, height: setup.height })
    // The binding must exist before the init script that captures it runs.
    await page.exposeBinding(this.names.binding, (source, msg: PageMessage) => setup.onMessage(source.frame.url(), msg))
    await page.addInitScript({ content: preloadInitScript(setup.preload, this.names) })
    await page.route('**/*', (route) => setup.onRoute(route))
    const cdp = await this.context.newCDPSession(page)
    const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } }
    await cdp.detach()
    return { page, targetId: targetInfo.targetId }
  }

  /** Closes this process's pages; the test's Chromium itself stays up for the test to clean up. */
  async close(): Promise<void> {
    await Promise.all([...this.opened].map((p) => p.close().catch(() => undefined)))
    this.stopOwned()
  }
}
