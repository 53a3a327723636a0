import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { launchApp, type LaunchedApp } from '../test/support/app-launcher'
import { eventually, popupShown, QUICK_HOTKEY } from '../test/e2e/quick-prompt-driver'
import type { BenchTable } from './run'
import { nearestRank } from './support/stats'

/**
 * The quick-prompt popup, in the e2e harness (the built app, its windows as
 * Chromium pages):
 * - hotkey → popup visible with its input focused: from the global shortcut's
 *   callback in main to the focus in the page (both stamp Date.now()), for the
 *   pre-created hidden popup (Hark's default) against a popup created on demand
 *   (HARK_QUICK_PREWARM=0), the baseline;
 * - what keeping it pre-created costs: renderer memory (PSS of every renderer
 *   process) with and without it, and the popup page's JS heap.
 */

const WARM_SAMPLES = 20
const COLD_LAUNCHES = 3
const MEMORY_LAUNCHES = 5

const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`
const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function launch(prewarm: boolean): Promise<LaunchedApp> {
  const app = await launchApp({ env: { HARK_QUICK_PREWARM: prewarm ? '1' : '0' } })
  await app.window('index')
  if (prewarm) await app.window('quick')
  await settle(1000) // let start-up work finish before measuring
  return app
}

/** Presses the hotkey and returns the page's callback → focused time. */
async function summon(app: LaunchedApp, page?: Page): Promise<number> {
  await page?.evaluate(() => {
    delete document.documentElement.dataset.focusLatencyMs
    ;(document.activeElement as HTMLElement | null)?.blur()
  })
  await app.control.triggerShortcut(QUICK_HOTKEY)
  const quick = page ?? (await app.window('quick'))
  const handle = await quick.waitForFunction(() => document.documentElement.dataset.focusLatencyMs, undefined, {
    timeout: 30_000
  })
  if ((await quick.evaluate(() => document.activeElement?.id)) !== 'quick-input')
    throw new Error('the input is not focused')
  return Number(await handle.jsonValue())
}

async function warmLatencies(): Promise<number[]> {
  const app = await launch(true)
  try {
    const page = await app.window('quick')
    const samples: number[] = []
    for (let i = 0; i < WARM_SAMPLES; i++) {
      samples.push(await summon(app, page))
      await app.control.triggerShortcut(QUICK_HOTKEY) // a second press puts it away
      await eventually('the popup is hidden', async () => !(await popupShown(app)))
      await settle(50)
    }
    return samples
  } finally {
    await app.close()
  }
}

async function coldLatencies(): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < COLD_LAUNCHES; i++) {
    const app = await launch(false)
    try {
      samples.push(await summon(app))
    } finally {
      await app.close()
    }
  }
  return samples
}

/** Proportional set size of every renderer process of this app's Chromium, in MB, and how many there are. */
async function rendererPss(page: Page): Promise<{ mb: number; processes: number }> {
  const cdp = await page.context().browser()!.newBrowserCDPSession()
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: Array<{ type: string; id: number }>
  }
  await cdp.detach()
  let kb = 0
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    const rollup = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8')
    kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0)
  }
  return { mb: kb / 1024, processes: processInfo.filter((p) => p.type === 'renderer').length }
}

async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return usedSize / 1024 / 1024
}

async function memory(prewarm: boolean): Promise<{ pss: number[]; processes: number; heap: number | null }> {
  const pss: number[] = []
  let processes = 0
  const heap: number[] = []
  for (let i = 0; i < MEMORY_LAUNCHES; i++) {
    const app = await launch(prewarm)
    try {
      await settle(1000)
      const measured = await rendererPss(await app.window('index'))
      pss.push(measured.mb)
      processes = measured.processes
      if (prewarm) heap.push(await jsHeapMb(await app.window('quick')))
    } finally {
      await app.close()
    }
  }
  return { pss, processes, heap: heap.length ? nearestRank(heap, 50) : null }
}

export default async function quickPromptBench(): Promise<BenchTable[]> {
  const warm = await warmLatencies()
  const cold = await coldLatencies()
  const withPopup = await memory(true)
  const withoutPopup = await memory(false)
  return [
    {
      title: 'Quick prompt: hotkey → popup visible with a focused input (ms, shortcut callback → focus in the page)',
      rows: [
        {
          popup: 'pre-created, hidden (default)',
          samples: warm.length,
          'median ms': nearestRank(warm, 50),
          'p95 ms': nearestRank(warm, 95),
          'vs on demand': nearestRank(warm, 50) / nearestRank(cold, 50)
        },
        {
          popup: 'created on demand (baseline)',
          samples: cold.length,
          'median ms': nearestRank(cold, 50),
          'p95 ms': nearestRank(cold, 95),
          'vs on demand': 1
        }
      ],
      notes: [
        'In the harness each window is a Chromium page; with real Electron, creating a window costs more, so the on-demand figure is a floor.'
      ]
    },
    {
      title: 'Quick prompt: memory cost of keeping the popup pre-created',
      rows: [
        {
          measure: 'renderer processes',
          'without popup': withoutPopup.processes,
          'with popup': withPopup.processes,
          cost: withPopup.processes - withoutPopup.processes,
          ratio: ''
        },
        {
          measure: `renderer PSS, all windows (MB, median of ${MEMORY_LAUNCHES} launches)`,
          'without popup': nearestRank(withoutPopup.pss, 50),
          'with popup': nearestRank(withPopup.pss, 50),
          cost: nearestRank(withPopup.pss, 50) - nearestRank(withoutPopup.pss, 50),
          ratio: nearestRank(withPopup.pss, 50) / nearestRank(withoutPopup.pss, 50)
        },
        {
          measure: 'renderer PSS range (MB)',
          'without popup': range(withoutPopup.pss),
          'with popup': range(withPopup.pss),
          cost: '',
          ratio: ''
        },
        {
          measure: 'popup page JS heap after GC (MB)',
          'without popup': 0,
          'with popup': withPopup.heap ?? 0,
          cost: withPopup.heap ?? 0,
          ratio: ''
        }
      ]
    }
  ]
}
