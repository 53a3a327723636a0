import { startFakeLlm, type ScenarioName } from '../test/fake-llm'
import { peakRss } from '../test/support/peak-rss'
import { runHark } from '../test/support/run-cli'
import { DEFAULT_BODY_LIMITS } from '../src/main/engine/llm/body-limits'
import type { BenchTable } from './run'
import { percentile } from './support/stats'

/**
 * Hostile streams through the real CLI: peak RSS and time until a clear error,
 * against a well-behaved stream of the same decoded length (what the client had
 * to read before its limit stopped it). Slow hostile streams are bounded by
 * time, not size: their figure is the time to the error against the limit set.
 */

const RUNS = 3
const IDLE_S = 1.5
const TURN_S = 4
/** the fake sends this much answer per event in the baseline, as a fast model would */
const BASELINE_CHUNK = 1000
/** SSE bytes per answer character at that chunk size (JSON framing around each chunk) */
const SSE_PER_CHAR = 1.14

interface Sample {
  ms: number
  peakMb: number
  outcome: string
}

async function askOnce(url: string, model: string, extra: string[] = []): Promise<Sample> {
  const rss = peakRss(1_500)
  const started = performance.now()
  const run = await runHark(
    ['ask', '--base-url', url, '--api-key', 'k', '--model', model, '--speak', 'none', '--json', ...extra, 'q'],
    { env: rss.env, onSpawn: rss.watch, timeoutMs: 60_000 }
  )
  const ms = performance.now() - started
  const last = run.events.at(-1)
  const { peakMb, killed } = rss.result()
  const outcome = killed ? 'killed' : last?.type === 'error' ? last.kind : (last?.type ?? `exit ${run.code}`)
  return { ms, peakMb, outcome }
}

async function median(times: number, f: () => Promise<Sample>): Promise<Sample> {
  const samples: Sample[] = []
  for (let i = 0; i < times; i++) samples.push(await f())
  return {
    ms: percentile(
      samples.map((s) => s.ms),
      50
    ),
    peakMb: percentile(
      samples.map((s) => s.peakMb),
      50
    ),
    outcome: [...new Set(samples.map((s) => s.outcome))].join('/')
  }
}

const MB = 1024 * 1024
const L = DEFAULT_BODY_LIMITS
const sized: Array<[ScenarioName, number, string[]]> = [
  ['endless-comments', L.chatterBytes, []],
  ['endless-line', L.lineBytes, []],
  ['huge-event', L.eventBytes, []],
  ['huge-json', L.wholeBytes, ['--no-stream']],
  ['gzip-bomb', L.streamBytes, []]
]
const timed: Array<[ScenarioName, number]> = [
  ['drip', IDLE_S * 1000],
  ['never-ends', TURN_S * 1000]
]

export default async function run(): Promise<BenchTable[]> {
  const fake = await startFakeLlm({ timing: { tps: 400, delayMs: 700 } })
  const baseline = await startFakeLlm({ timing: { chunkSize: BASELINE_CHUNK, delayMs: 0 } })
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100
  try {
    const sizeRows = []
    for (const [scenario, bytes, extra] of sized) {
      const hostile = await median(RUNS, () => askOnce(fake.url, `scenario:${scenario}`, extra))
      // 90% of the limit, so the well-behaved stream itself stays inside it.
      baseline.setText('Calm words. '.repeat(Math.round((0.9 * bytes) / SSE_PER_CHAR / 12)))
      const normal = await median(RUNS, () => askOnce(baseline.url, 'scenario:normal', extra))
      sizeRows.push({
        'hostile stream': scenario,
        'read before the limit': `${Math.round(bytes / MB)} MB`,
        ended: hostile.outcome,
        'ms to error': Math.round(hostile.ms),
        'baseline ended': normal.outcome,
        'baseline ms': Math.round(normal.ms),
        'time ratio': ratio(hostile.ms, normal.ms),
        'peak MB': hostile.peakMb,
        'baseline peak MB': normal.peakMb,
        'memory ratio': ratio(hostile.peakMb, normal.peakMb)
      })
    }
    const timeRows = []
    for (const [scenario, limitMs] of timed) {
      const scaled = ['--idle-timeout', String(IDLE_S), '--turn-timeout', String(TURN_S)]
      const hostile = await median(RUNS, () => askOnce(fake.url, `scenario:${scenario}`, scaled))
      timeRows.push({
        'hostile stream': scenario,
        ended: hostile.outcome,
        'limit ms': limitMs,
        'ms to error': Math.round(hostile.ms),
        'ratio to limit': ratio(hostile.ms, limitMs),
        'peak MB': hostile.peakMb
      })
    }
    return [
      {
        title: `Hostile streams through hark ask: time and peak RSS to a clear error vs a well-behaved stream of the same length (median of ${RUNS})`,
        rows: sizeRows,
        notes: [
          'Baseline: a normal streamed answer (or batch, for huge-json) of about the bytes the client reads before the limit stops the hostile one.',
          'Default timeouts: the size limits alone end these. Times are from spawning the CLI to its exit, start-up included.',
          'Target: peak under 300 MB, memory ratio about 1 or below.'
        ]
      },
      {
        title: `Slow hostile streams: time to a clear error vs the limit (idle ${IDLE_S} s, turn ${TURN_S} s; median of ${RUNS})`,
        rows: timeRows,
        notes: [
          'drip sends a byte every 0.7 s and never an event in time; never-ends sends a word every 0.7 s forever.'
        ]
      }
    ]
  } finally {
    await fake.close()
    await baseline.close()
  }
}
