import type { Browser, Page } from 'playwright-core'

/**
 * Chromium's own record of every task on the renderers' main threads, with
 * wall time and the thread's CPU time. A 'longtask' entry only has wall time:
 * on a busy 2-core machine a 5 ms task that the OS pauses for 200 ms looks
 * like 205 ms of work. CPU time tells the page's doing from the machine's.
 */

export interface TracedTask {
  wallMs: number
  cpuMs: number
  /** ran in the renderer that shows `page` (the other windows hear the same events) */
  inPage: boolean
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string; data?: { frames?: Array<{ url: string; processId: number }> } }
}

export async function traceMainThreads(page: Page): Promise<() => Promise<TracedTask[]>> {
  const browser = page.context().browser() as Browser
  const url = page.url()
  // the second category only for its TracingStartedInBrowser event, which names each frame's process
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] })
  return async () => {
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
    const mainThreads = new Set(
      traceEvents
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`)
    )
    const started = traceEvents.find((e) => e.name === 'TracingStartedInBrowser')
    const pagePid = started?.args?.data?.frames?.find((f) => f.url === url)?.processId
    return traceEvents
      .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mainThreads.has(`${e.pid}:${e.tid}`))
      .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000, inPage: e.pid === pagePid }))
  }
}
