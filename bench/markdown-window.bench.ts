import type { Page } from 'playwright-core'
import { startFakeLlm, type FakeLlm } from '../test/fake-llm'
import { launchApp } from '../test/support/app-launcher'
import { ask, waitUntil } from '../test/support/e2e-actions'
import { ordinaryProse, STREAMED_POISON_SHAPES } from '../test/support/poison-answers'
import { traceMainThreads, type TracedTask } from '../test/support/main-thread-trace'
import type { BenchTable } from './run'

/**
 * The window's side of the markdown bench: each poison answer streamed from
 * the fake LLM through the real main process into the main window, against
 * ordinary prose of the same length streamed the same way in the same app.
 * What the user perceives is the page's main thread: its longest task (a
 * frozen window) and its total work per MB. Chromium's trace gives each
 * task's CPU time as well as its wall time, so a loaded machine pausing the
 * page is told from the page's own work.
 */

const STREAM = { chunkSize: 16_000, delayMs: 4 }
const MB = 1_000_000

interface Figures {
  longestCpuMs: number
  longestWallMs: number
  cpuMsPerMb: number
}

async function streamed(page: Page, llm: FakeLlm, question: string, text: string): Promise<Figures> {
  llm.setText(text)
  await page.getByTestId('new-conversation').click()
  const stop = await traceMainThreads(page)
  await ask(page, question)
  const status = () => page.locator('.message.assistant').last().getAttribute('data-status')
  await waitUntil('the answer is complete', async () => (await status()) === 'complete', 180_000)
  const tasks = (await stop()).filter((t: TracedTask) => t.inPage)
  if (tasks.length === 0) throw new Error('the trace holds no task of the main window')
  return {
    longestCpuMs: Math.max(...tasks.map((t) => t.cpuMs)),
    longestWallMs: Math.max(...tasks.map((t) => t.wallMs)),
    cpuMsPerMb: (tasks.reduce((sum, t) => sum + t.cpuMs, 0) / text.length) * MB
  }
}

export default async function markdownWindowBench(): Promise<BenchTable> {
  const llm = await startFakeLlm({ timing: STREAM })
  const app = await launchApp({ env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'bench', HARK_MODEL: 'fake-model' } })
  try {
    const page = await app.window('index')
    await page.evaluate(() => window.hark.invoke('settings.set', { speech: { enabled: false }, autoTitle: false }))
    const rows: BenchTable['rows'] = []
    for (const [name, make] of Object.entries(STREAMED_POISON_SHAPES)) {
      const poison = make()
      const shape = await streamed(page, llm, `Poison: ${name}`, poison)
      const base = await streamed(page, llm, `Prose as long as ${name}`, ordinaryProse(poison.length))
      rows.push({
        shape: name,
        'longest task CPU ms (poison / prose)': `${shape.longestCpuMs.toFixed(1)} / ${base.longestCpuMs.toFixed(1)}`,
        'longest task wall ms (poison / prose)': `${shape.longestWallMs.toFixed(0)} / ${base.longestWallMs.toFixed(0)}`,
        'CPU ms per MB (poison / prose)': `${shape.cpuMsPerMb.toFixed(0)} / ${base.cpuMsPerMb.toFixed(0)}`,
        'CPU per MB, poison / prose': shape.cpuMsPerMb / Math.max(base.cpuMsPerMb, 0.001),
        target: 'longest wall < 200 ms; ratio ≈ 1'
      })
    }
    return {
      title: `The main window under poison answers vs prose of the same length (${STREAM.chunkSize.toLocaleString('en')}-char chunks every ${STREAM.delayMs} ms)`,
      rows,
      notes: [
        'Tasks of the main window’s renderer only, from the ask to the answer’s completion; CPU is the thread’s own time, wall includes the machine pausing it.'
      ]
    }
  } finally {
    await app.close()
    await llm.close()
  }
}
