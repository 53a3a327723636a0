/**
 * The English Golden Rules for sentence boundaries (pySBD's 48), each streamed
 * in random 1–16 character chunks through Hark's segmenter and through
 * Intl.Segmenter used the way voice pipelines stream it, in the same run.
 * Published scores of other segmenters are in ../shared/benchmarks/README.md.
 */
import { createSegmenter } from '../src/main/engine/segmenter/sentence-stream'
import { intlStreamed, loadGoldenRules, passes, type GoldenRule } from '../test/support/golden-rules'
import { chunkRandom } from '../test/unit/engine/segmenter/chunking'
import type { BenchTable } from './run'

const SEEDS = [1, 2, 3, 7, 42]

function hark(chunks: readonly string[]): string[] {
  const seg = createSegmenter({ firstFragment: false })
  const out = chunks.flatMap((c) => seg.push(c))
  return [...out, ...seg.flush()].map((u) => u.text)
}

/** Passes per seed, and how many rules gave the same utterances for every chunking. */
function score(rules: readonly GoldenRule[], split: (chunks: readonly string[]) => string[]) {
  const perSeed = SEEDS.map(() => 0)
  const failing = new Set<string>()
  let stable = 0
  for (const rule of rules) {
    const runs = SEEDS.map((seed) => split(chunkRandom(rule.text, seed)))
    if (runs.every((r) => JSON.stringify(r) === JSON.stringify(runs[0]))) stable++
    runs.forEach((r, i) => {
      if (passes(r, rule.expected)) perSeed[i]!++
      else failing.add(`#${rule.rule}`)
    })
  }
  return { min: Math.min(...perSeed), max: Math.max(...perSeed), stable, failing: [...failing].join(' ') }
}

export async function run(): Promise<BenchTable> {
  const rules = loadGoldenRules('pysbd48')
  const rows = [
    ['Hark', score(rules, hark)],
    ['Intl.Segmenter (en), streamed', score(rules, intlStreamed)]
  ] as const
  return {
    title: `segmenter: English Golden Rules (${rules.length}), streamed in random 1–16 char chunks`,
    rows: rows.map(([name, s]) => ({
      segmenter: name,
      'passed, worst chunking': s.min,
      'passed, best chunking': s.max,
      'rules chunking-independent': s.stable,
      failing: s.failing
    })),
    notes: [
      `Chunkings: seeds ${SEEDS.join(', ')}. A leading list marker ("1.)", "a.") may be dropped: it is not spoken.`,
      'Published on the same 48 (exact match): pySBD 47, blingfire/stanza 36, NLTK punkt 27, LiveKit basic 16.'
    ]
  }
}

export default run
