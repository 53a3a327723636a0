import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { startFakeLlm } from '../test/fake-llm'
import { launchApp } from '../test/support/app-launcher'
import { longMarkdown } from './support/long-markdown'
import { traceMainThreads } from '../test/support/main-thread-trace'
import type { BenchTable } from './run'

/**
 * The main window under a long, fast stream: 100,000 characters of markdown at
 * 1,000 tokens/s from the fake server, through the real main process into the
 * real renderer in Chromium. The baseline, a renderer that re-parses and
 * re-renders the whole markdown on every delta, replays the same deltas in
 * the same page afterwards.
 */

const CHARS = 100_000
const TPS = 1000
const root = join(__dirname, '..')

interface PageStats {
  longTasks: number[]
  /** [startMs since instrumented, durationMs, chars received when the task began] per long task */
  longTaskAt: Array<[number, number, number]>
  /** [receivedChars, updateMs] per delta event: from the IPC event to the DOM mutation it caused */
  updates: Array<[number, number]>
  eventTimes: number[]
  events: number
  deltas: string[]
}

/** Installed before asking: long tasks, IPC events, and time from each delta to its DOM update. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const stats = {
      longTasks: [] as number[],
      longTaskAt: [] as Array<[number, number, number]>,
      charTimes: [] as Array<[number, number]>,
      updates: [] as Array<[number, number]>,
      eventTimes: [] as number[],
      deltas: [] as string[],
      events: 0
    }
    ;(window as unknown as { __bench: typeof stats }).__bench = stats
    const since = performance.now() // the page's own start-up is not the stream's doing
    // No named functions in here: the bundler would wrap them in a helper the page lacks.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime < since) continue
        stats.longTasks.push(e.duration)
        stats.longTaskAt.push([
          e.startTime - since,
          e.duration,
          stats.charTimes.findLast(([at]) => at <= e.startTime)?.[1] ?? 0
        ])
      }
    }).observe({
      type: 'longtask',
      buffered: true
    })
    let chars = 0
    let pending: number | null = null
    const observer = new MutationObserver(() => {
      if (pending === null) return
      void document.body.offsetHeight // include the layout the update costs, as the naive replay does
      stats.updates.push([chars, performance.now() - pending])
      pending = null
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    // One 'turn.events' message is one IPC message, however many events it carries.
    window.hark.on('turn.events', () => stats.eventTimes.push(performance.now()))
    window.hark.on('turn.events', (batch) => {
      for (const e of batch) {
        stats.events++
        if (e.type !== 'delta') continue
        chars += e.text.length
        stats.charTimes.push([performance.now(), chars])
        stats.deltas.push(e.text)
        pending ??= performance.now()
      }
    })
  })
}

/**
 * The naive renderer: whole-text marked + DOMPurify into one element on every
 * delta. It runs in a fresh page of the same browser (the app's CSP rightly
 * refuses injected scripts), styled with the app's own CSS.
 */
async function naiveReplay(appPage: Page, deltas: string[]): Promise<number> {
  const page = await appPage.context().newPage()
  try {
    await page.setContent('<!doctype html><html><body><div class="markdown" id="host"></div></body></html>')
    await page.addStyleTag({ content: appCss() })
    await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/marked/lib/marked.umd.js'), 'utf8') })
    await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/dompurify/dist/purify.min.js'), 'utf8') })
    return await page.evaluate((all) => {
      const w = window as unknown as {
        marked: { parse(s: string): string }
        DOMPurify: { sanitize(s: string): string }
      }
      const host = document.getElementById('host')!
      let text = ''
      let total = 0
      for (const d of all) {
        text += d
        const t0 = performance.now()
        host.innerHTML = w.DOMPurify.sanitize(w.marked.parse(text))
        void document.body.offsetHeight // the layout the live measurement includes too
        total += performance.now() - t0
        if (total > 120_000) return -1 // hopelessly slow: say so rather than wait
      }
      return total
    }, deltas)
  } finally {
    await page.close()
  }
}

/**
 * With HARK_BENCH_PROFILE=<file>, a CPU profile of the stream is written there
 * (open it in Chrome DevTools) to attribute any long task.
 */
async function startProfile(page: Page): Promise<(() => Promise<void>) | null> {
  const file = process.env['HARK_BENCH_PROFILE']
  if (!file) return null
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
  }
}

function appCss(): string {
  const dir = join(root, 'out/renderer/assets')
  return readdirSync(dir)
    .filter((f) => f.startsWith('index') && f.endsWith('.css'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n')
}

function perThousandTokens(updates: Array<[number, number]>, fromChars: number, toChars: number): number {
  const slice = updates.filter(([c]) => c >= fromChars && c < toChars)
  const ms = slice.reduce((sum, [, t]) => sum + t, 0)
  return ms / ((toChars - fromChars) / 4 / 1000)
}

function initialBundle(): { raw: number; gzip: number; files: number } {
  const dir = join(root, 'out/renderer')
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  let raw = 0
  let gzip = 0
  for (const ref of new Set(refs)) {
    const data = readFileSync(join(dir, ref))
    raw += data.length
    gzip += gzipSync(data).length
  }
  return { raw, gzip, files: new Set(refs).size }
}

export default async function rendererBench(): Promise<BenchTable[]> {
  const text = longMarkdown(CHARS)
  const llm = await startFakeLlm({ text, timing: { chunkSize: 4, tps: TPS, delayMs: 1 } })
  const app = await launchApp({ env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'bench', HARK_MODEL: 'fake-model' } })
  try {
    const page = await app.window('index')
    await page.evaluate(() => window.hark.invoke('settings.set', { speech: { enabled: false } }))
    await instrument(page)
    const profiler = await startProfile(page)
    const stopTrace = await traceMainThreads(page)
    const started = Date.now()
    await page.getByTestId('prompt-input').fill('Write a long guide.')
    await page.getByTestId('ask-button').click()
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('[data-status]')).at(-1)?.getAttribute('data-status') === 'complete',
      undefined,
      {
        timeout: 180_000,
        polling: 500
      }
    )
    const streamSeconds = (Date.now() - started) / 1000
    await profiler?.()
    const tasks = await stopTrace()
    const longest = tasks.reduce((a, b) => (b.wallMs > a.wallMs ? b : a), { wallMs: 0, cpuMs: 0 })
    const maxCpu = Math.max(0, ...tasks.map((t) => t.cpuMs))
    const slow = tasks.filter((t) => t.wallMs >= 50)
    const stats = await page.evaluate(() => (window as unknown as { __bench: PageStats }).__bench)
    const naiveMs = await naiveReplay(page, stats.deltas)

    const liveMs = stats.updates.reduce((s, [, t]) => s + t, 0)
    const span = (stats.eventTimes.at(-1)! - stats.eventTimes[0]!) / 1000
    const perSecond = new Map<number, number>()
    stats.eventTimes.forEach((t) => perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1))
    const tenth = CHARS / 10
    const startCost = perThousandTokens(stats.updates, 0, tenth)
    const endCost = perThousandTokens(stats.updates, CHARS - tenth, CHARS)
    const bundle = initialBundle()

    return [
      {
        title: `Main window: ${CHARS.toLocaleString('en')} chars of markdown at ${TPS} tokens/s (stream took ${streamSeconds.toFixed(1)} s)`,
        rows: [
          {
            metric: 'longest main-thread task ≥ 50 ms (ms; 0 = none)',
            value: Math.max(0, ...stats.longTasks),
            target: 'none'
          },
          { metric: 'tasks over 50 ms', value: stats.longTasks.length, target: 0 },
          {
            metric: 'longest renderer task in the trace: wall / CPU ms',
            value: `${longest.wallMs.toFixed(0)} / ${longest.cpuMs.toFixed(0)}`,
            target: '< 50'
          },
          { metric: 'most CPU any renderer task took (ms)', value: maxCpu, target: '< 50' },
          {
            metric: 'IPC messages per second (mean)',
            value: stats.eventTimes.length / Math.max(span, 0.001),
            target: '≤ ~60'
          },
          {
            metric: 'IPC messages per second (busiest second)',
            value: Math.max(...perSecond.values()),
            target: '≤ ~60'
          },
          { metric: 'renderer ms per 1,000 tokens, first 10%', value: startCost, target: 'flat' },
          { metric: 'renderer ms per 1,000 tokens, last 10%', value: endCost, target: 'flat' },
          { metric: 'end / start ratio', value: endCost / Math.max(startCost, 0.001), target: '≈ 1' },
          { metric: 'total DOM update ms, incremental (live)', value: liveMs, target: '' },
          {
            metric: 'total DOM update ms, naive full re-render (replay)',
            value: naiveMs < 0 ? '> 120000 (stopped)' : naiveMs,
            target: ''
          },
          {
            metric: 'naive / incremental',
            value: naiveMs < 0 ? `> ${(120_000 / liveMs).toFixed(0)}` : naiveMs / Math.max(liveMs, 0.001),
            target: '≫ 1'
          },
          {
            metric: 'initial renderer bundle (KB, gzip)',
            value: `${(bundle.raw / 1024).toFixed(0)} (${(bundle.gzip / 1024).toFixed(0)})`,
            target: ''
          }
        ],
        notes: [
          `Trace: ${tasks.length} renderer main-thread tasks; ${slow.length} took ≥ 50 ms of wall time${slow.length ? ` (wall/CPU ms: ${slow.map((t) => `${t.wallMs.toFixed(0)}/${t.cpuMs.toFixed(0)}`).join(', ')})` : ''}.`,
          ...(slow.length > 0 && slow.every((t) => t.cpuMs < 50)
            ? [
                'Every long task spent under 50 ms on the CPU: the renderer was kept waiting (a busy machine), not working. Re-run on an idle machine.'
              ]
            : []),
          ...stats.longTaskAt.map(
            ([at, ms, chars]) =>
              `long task: ${ms.toFixed(0)} ms at ${(at / 1000).toFixed(2)} s, after ${chars.toLocaleString('en')} chars`
          ),
          `${stats.eventTimes.length} IPC messages carried ${stats.events} turn events, ${stats.deltas.length} of them merged deltas (main batches each frame's events into one message).`,
          'Renderer time = from a delta event to the DOM mutation it caused plus a forced layout (script, React commit, layout); the naive replay is timed the same way. The naive one does no syntax highlighting, so it is flattered.'
        ]
      }
    ]
  } finally {
    await app.close()
    await llm.close()
  }
}
