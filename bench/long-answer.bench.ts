import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { startFakeLlm } from '../test/fake-llm'
import { peakRss } from '../test/support/peak-rss'
import type { BenchTable } from './run'

/**
 * Cost of a long, well-behaved streamed answer end to end: `hark ask` (printed
 * text, and --json into a pipe) against the openai SDK reading the same stream
 * alone, in the same run. Time and peak RSS per answer MB, after subtracting
 * each path's own cost for a one-sentence answer (start-up), at 1, 4 and 16 MB:
 * flat per-MB figures mean the cost grows linearly with the answer.
 */

const SIZES_MB = [1, 4, 16]
const MB = 1024 * 1024
const ROOT = resolve(__dirname, '..')

interface Path {
  name: string
  args: (url: string) => string[]
}

const hark =
  (extra: string[]): ((url: string) => string[]) =>
  (url) => [
    resolve(ROOT, 'bin/hark.js'),
    ...['ask', '--base-url', url, '--api-key', 'k', '--model', 'm', '--speak', 'none', ...extra, 'q']
  ]

const PATHS: Path[] = [
  { name: 'SDK stream alone', args: (url) => [resolve(__dirname, 'support/sdk-stream-alone.mjs'), url] },
  { name: 'hark ask', args: hark([]) },
  { name: 'hark ask --json', args: hark(['--json']) }
]

interface Sample {
  ms: number
  peakMb: number
}

/** One run with its stdout read as fast as it comes and dropped, as a pipe to another program would. */
function runOnce(args: string[]): Promise<Sample> {
  const rss = peakRss(3_000)
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env['PATH'], ...rss.env },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  rss.watch(child)
  child.stdout.resume()
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}`))
      resolvePromise({ ms: performance.now() - started, peakMb: rss.result().peakMb })
    })
  })
}

const round = (v: number, digits = 2): number => Math.round(v * 10 ** digits) / 10 ** digits

export default async function run(): Promise<BenchTable> {
  const fake = await startFakeLlm({ timing: { chunkSize: 1000, delayMs: 0 } })
  try {
    fake.setText('Calm words.')
    // the quicker of two runs: start-up is noisy on a shared machine and is subtracted from every figure
    const startUp = new Map<string, Sample>()
    for (const path of PATHS) {
      const [a, b] = [await runOnce(path.args(fake.url)), await runOnce(path.args(fake.url))]
      startUp.set(path.name, a.ms <= b.ms ? a : b)
    }
    const rows: Array<Record<string, string | number>> = []
    for (const mb of SIZES_MB) {
      fake.setText('Calm words. '.repeat(Math.round((mb * MB) / 12)))
      let bare: Sample | undefined
      for (const path of PATHS) {
        const s = await runOnce(path.args(fake.url))
        const msPerMb = (s.ms - startUp.get(path.name)!.ms) / mb
        bare ??= { ms: msPerMb, peakMb: s.peakMb }
        rows.push({
          answer: `${mb} MB`,
          path: path.name,
          'ms per MB': Math.round(msPerMb),
          'peak MB': s.peakMb,
          'peak MB above start-up, per answer MB': round((s.peakMb - startUp.get(path.name)!.peakMb) / mb),
          'time vs SDK': round(msPerMb / bare.ms),
          'peak vs SDK': round(s.peakMb / bare.peakMb)
        })
      }
    }
    return {
      title: 'A long streamed answer end to end: cost per answer MB, hark ask vs the SDK stream alone (one run each)',
      rows,
      notes: [
        `Answer: "Calm words. " repeated (a sentence every 12 characters, the most utterances per MB), 1,000 characters per SSE event, no pause.`,
        `Start-up subtracted: each path's time and peak for a one-sentence answer (${[...startUp].map(([k, v]) => `${k} ${Math.round(v.ms)} ms / ${v.peakMb} MB`).join(', ')}).`,
        'Target: "ms per MB" and "peak MB above start-up, per answer MB" flat (or falling) from 1 to 16 MB. The SDK reads the stream and drops it; hark also segments, prints and (with --json) writes ~13 output bytes per answer character.'
      ]
    }
  } finally {
    await fake.close()
  }
}
