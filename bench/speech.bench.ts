import { performance } from 'node:perf_hooks'
import { createFestivalEngine } from '../src/main/engine/speech/festival-engine'
import { SpeechQueue } from '../src/main/engine/speech/speech-queue'
import { ensurePulse, lastSoundEnd, startCapture } from '../test/support/pulse'
import type { BenchTable } from './run'
import { measureDeadAir, type DeadAir } from './support/dead-air'
import { nearestRank } from './support/stats'

/**
 * The real voice: festival through PulseAudio's null sink, heard on its
 * monitor. Stop latency is stop() to the last sound on the sink. The gap is
 * the dead air between one utterance's last sound and the next one's first,
 * for a queue that synthesises only when an utterance's turn comes (the
 * baseline), one that prepares the next while the current plays, and that
 * plus trimming the synthesiser's silent padding (Hark's default).
 */

const STOP_RUNS = 7
const GAP_RUNS = 3
const LONG = 'This is a long sentence, spoken slowly and on purpose, so that there is plenty of time to interrupt it.'
const ANSWER = [
  'Paris is the capital of France.',
  'It sits on the river Seine.',
  'About two million people live there.',
  'It is famous for its museums.',
  'The Eiffel Tower was finished in eighteen eighty nine.'
]

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function stopLatency(): Promise<{ silence: number[]; cancelled: number[] }> {
  const silence: number[] = []
  const cancelled: number[] = []
  for (let run = 0; run < STOP_RUNS; run++) {
    const queue = new SpeechQueue({ engine: createFestivalEngine() })
    const capture = await startCapture()
    let cancelledAt = NaN
    queue.onEvent((e) => e.state === 'cancelled' && (cancelledAt = performance.now()))
    queue.enqueue({ turnId: `stop-${run}`, index: 0, text: LONG })
    await capture.waitForSound(15_000)
    await sleep(300 + 100 * run) // land at different points of the sentence
    const stoppedAt = performance.now()
    queue.stop()
    await queue.idle()
    await sleep(800)
    const rec = await capture.stop()
    silence.push(Math.max(0, (lastSoundEnd(rec) ?? stoppedAt) - stoppedAt))
    cancelled.push(cancelledAt - stoppedAt)
  }
  return { silence, cancelled }
}

function gapsFor(prefetch: boolean, trimSilence: boolean): Promise<DeadAir> {
  return measureDeadAir(
    () => new SpeechQueue({ engine: createFestivalEngine({ trimSilence }), prefetch }),
    ANSWER,
    GAP_RUNS
  )
}

export default async function bench(): Promise<BenchTable[]> {
  const pulse = await ensurePulse()
  try {
    const engine = createFestivalEngine()
    const problem = await engine.check()
    if (problem) throw new Error(problem)
    const stop = await stopLatency()
    const baseline = await gapsFor(false, false)
    const prefetched = await gapsFor(true, false)
    const trimmed = await gapsFor(true, true)
    const gapRow = (name: string, r: DeadAir) => ({
      queue: name,
      'gap p50 ms': Math.round(nearestRank(r.gaps, 50)),
      'gap p95 ms': Math.round(nearestRank(r.gaps, 95)),
      'p50 vs baseline': nearestRank(r.gaps, 50) / nearestRank(baseline.gaps, 50),
      'first sound p50 ms': Math.round(nearestRank(r.firstSound, 50)),
      gaps: r.gaps.length
    })
    return [
      {
        title: 'Speech stop latency (festival → PulseAudio null sink)',
        rows: [
          {
            measure: 'stop() → silence on the sink monitor',
            'p50 ms': Math.round(nearestRank(stop.silence, 50)),
            'max ms': Math.round(Math.max(...stop.silence)),
            'p50 vs 100 ms budget': nearestRank(stop.silence, 50) / 100,
            runs: STOP_RUNS
          },
          {
            measure: "stop() → 'cancelled' (player process gone)",
            'p50 ms': Math.round(nearestRank(stop.cancelled, 50)),
            'max ms': Math.round(Math.max(...stop.cancelled)),
            'p50 vs 100 ms budget': nearestRank(stop.cancelled, 50) / 100,
            runs: STOP_RUNS
          }
        ]
      },
      {
        title: 'Dead air between utterances (5 sentences queued at once)',
        rows: [
          gapRow('synthesise on its turn (baseline)', baseline),
          gapRow('prefetch next', prefetched),
          gapRow('prefetch + trim padding (default)', trimmed)
        ],
        notes: [`PulseAudio: ${pulse.owned ? 'started for this bench' : 'already running'} (${pulse.server})`]
      }
    ]
  } finally {
    await pulse.stop()
  }
}
