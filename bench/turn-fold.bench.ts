/**
 * The renderer's one turn reducer (live-turn.ts) over a long spoken answer:
 * each utterance brings its delta, its range and its speech started/finished.
 * Folding must be linear in the events, so 20,000 utterances cost twice what
 * 10,000 do, measured in the same run, through both windows' wrappers: the
 * main window's LiveTurn and the popup's QuickTurn. For contrast, the same
 * events through a fold that copies its ranges map per utterance (as the
 * popup once did) show what a quadratic fold looks like here.
 */
import { performance } from 'node:perf_hooks'
import type { TurnEvent } from '../src/shared/turn-events'
import { applyTurnEvent, newLiveTurn } from '../src/renderer/src/shared/live-turn'
import { initialQuickTurn, quickTurnReducer, type QuickTurn } from '../src/renderer/src/quick/quick-turn'
import type { BenchTable } from './run'

const SIZES = [10_000, 20_000] as const
const RUNS = 7
const SENTENCE = 'A short spoken sentence. '

function eventsFor(utterances: number): TurnEvent[] {
  const turnId = 't1'
  const events: TurnEvent[] = [{ type: 'start', turnId, model: 'm', at: 0 }]
  for (let index = 0; index < utterances; index++) {
    const at = index * SENTENCE.length
    events.push(
      { type: 'delta', turnId, text: SENTENCE, at },
      { type: 'utterance', turnId, index, text: SENTENCE.trim(), range: [at, at + SENTENCE.length - 1] },
      { type: 'speech', turnId, index, state: 'started' },
      { type: 'speech', turnId, index, state: 'finished' }
    )
  }
  return events
}

const folds: Record<string, (events: TurnEvent[]) => unknown> = {
  'main window (LiveTurn)': (events) =>
    events.reduce((turn, e) => applyTurnEvent(turn, e, 0), newLiveTurn('t1', 'c1', '', 0)),
  'popup (QuickTurn)': (events) => {
    const asked = quickTurnReducer(initialQuickTurn, { type: 'ask', prompt: 'Q' })
    const accepted = quickTurnReducer(asked, { type: 'accepted', turnId: 't1', conversationId: 'c1', now: 0 })
    return events.reduce<QuickTurn>((q, event) => quickTurnReducer(q, { type: 'event', event, now: 0 }), accepted)
  },
  'reference: ranges map copied per utterance': (events) => {
    let ranges: Record<number, [number, number]> = {}
    for (const e of events) if (e.type === 'utterance') ranges = { ...ranges, [e.index]: e.range }
    return ranges
  }
}

/**
 * Each size's fastest of RUNS folds, in ms, the sizes taking turns so a busy machine slows both
 * alike; after a warm-up of each, so the JIT has settled.
 */
function timeFolds(fold: (events: TurnEvent[]) => unknown, sizes: TurnEvent[][]): number[] {
  sizes.forEach((events) => fold(events))
  const best = sizes.map(() => Infinity)
  for (let run = 0; run < RUNS; run++) {
    sizes.forEach((events, i) => {
      ;(globalThis as { gc?: () => void }).gc?.()
      const t0 = performance.now()
      fold(events)
      best[i] = Math.min(best[i]!, performance.now() - t0)
    })
  }
  return best
}

export default function turnFoldBench(): BenchTable {
  const [small, large] = SIZES
  const smallEvents = eventsFor(small)
  const largeEvents = eventsFor(large)
  const rows = Object.entries(folds).map(([name, fold]) => {
    const [smallMs, largeMs] = timeFolds(fold, [smallEvents, largeEvents]) as [number, number]
    return {
      fold: name,
      [`${small.toLocaleString('en')} utterances (ms)`]: smallMs,
      [`${large.toLocaleString('en')} utterances (ms)`]: largeMs,
      [`${large / 1000}k / ${small / 1000}k`]: largeMs / Math.max(smallMs, 0.001),
      target: name.startsWith('reference') ? '≥ 4 (quadratic)' : '≈ 2 (linear)'
    }
  })
  return {
    title: `Turn events folded by the renderer's one reducer: ${small.toLocaleString('en')} vs ${large.toLocaleString('en')} utterances (4 events each)`,
    rows,
    notes: [
      `Fastest of ${RUNS} runs of each size, the sizes taking turns after a warm-up; the ratio is against the smaller answer, measured in the same run.`
    ]
  }
}
