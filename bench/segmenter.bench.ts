/**
 * Segmenter benchmark: throughput at 10 KB and 1 MB (cost per character must
 * stay flat: one pass), the naive "re-split the whole buffer on every chunk"
 * baseline, and the time from the push that completes the first sentence to
 * its utterance coming back.
 */
import { performance } from 'node:perf_hooks'
import { createSegmenter } from '../src/main/engine/segmenter/sentence-stream'
import { seededRandom as random } from '../test/support/seeded-random'
import type { BenchTable } from './run'
import { percentile } from './support/stats'

const PROSE = [
  'The quick fix is to restart the service, then check the logs.',
  'Dr. Smith said the U.S. Army used version 2.3.1 in 2024.',
  'It costs $1,299.99, i.e. about 3.14 times the old price!',
  'See [the docs](https://example.com/docs/setup.html) or open `config.json` first.',
  'Why does it fail? Because the **cache** was stale… Really.',
  'Use snake_case_name for variables, e.g. user_id or created_at.',
  'Visit https://www.github.com/org/repo for the source. 🎉 Nice!'
]
const BLOCKS = [
  '## Steps\n1. Install Node.js and npm.\n2. Run `npm install` in the folder.\n3. Start the app.\n',
  '- Fast startup\n- Small memory use\n- Works offline\n',
  '```ts\nconst x = a.b.c(1, 2)\nconsole.log("Hello. World.")\n```\n',
  '> Note: this is a quote. It has two sentences.\n',
  '| Name | Age |\n| --- | --- |\n| Bob | 5 |\n'
]

/** A realistic markdown answer of about `size` characters. */
export function answer(size: number, seed = 1): string {
  const rand = random(seed)
  const parts: string[] = []
  let length = 0
  while (length < size) {
    const part =
      rand() < 0.7
        ? Array.from({ length: 2 + Math.floor(rand() * 4) }, () => PROSE[Math.floor(rand() * PROSE.length)]).join(' ') +
          '\n\n'
        : BLOCKS[Math.floor(rand() * BLOCKS.length)]! + '\n'
    parts.push(part)
    length += part.length
  }
  return parts.join('').slice(0, size)
}

/** Chunks of 3–8 characters, as an LLM streams them. */
export function llmChunks(text: string, seed = 2): string[] {
  const rand = random(seed)
  const chunks: string[] = []
  for (let i = 0; i < text.length;) {
    const n = 3 + Math.floor(rand() * 6)
    chunks.push(text.slice(i, i + n))
    i += n
  }
  return chunks
}

function runSegmenter(chunks: readonly string[]): number {
  const seg = createSegmenter({ firstFragment: false })
  let count = 0
  for (const c of chunks) count += seg.push(c).length
  return count + seg.flush().length
}

const WINDOW = 10 * 1024

/**
 * Streams `text` in 3–8 char chunks cut on the fly, as from a socket (no chunk
 * array in memory). Returns the total time and the time of each 10 KB window.
 */
function streamSegmenter(text: string, seed = 2): { totalMs: number; windowsMs: number[] } {
  const rand = random(seed)
  const windowsMs: number[] = []
  const start = performance.now()
  let windowStart = start
  const seg = createSegmenter({ firstFragment: false })
  for (let i = 0; i < text.length;) {
    const n = 3 + Math.floor(rand() * 6)
    seg.push(text.slice(i, i + n))
    i += n
    if (Math.floor(i / WINDOW) > windowsMs.length) {
      const now = performance.now()
      windowsMs.push(now - windowStart)
      windowStart = now
    }
  }
  seg.flush()
  return { totalMs: performance.now() - start, windowsMs }
}

/** What many pipelines do: re-split the whole buffer with Intl.Segmenter on every chunk. */
function runNaive(chunks: readonly string[]): number {
  const sentences = new Intl.Segmenter('en', { granularity: 'sentence' })
  let buffer = ''
  let done = 0
  for (const c of chunks) {
    buffer += c
    const all = [...sentences.segment(buffer)]
    done = Math.max(done, all.length - 1)
  }
  return done + 1
}

function medianMs(runs: number, fn: () => unknown): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return percentile(times, 50)
}

/** Time of the push() that completes the first sentence, per fresh answer. */
function firstSentenceOverheadMs(runs: number): number[] {
  const samples: number[] = []
  for (let r = 0; r < runs; r++) {
    const chunks = llmChunks(answer(600, r + 10), r + 20)
    const seg = createSegmenter({ firstFragment: false })
    for (const c of chunks) {
      const t0 = performance.now()
      const out = seg.push(c)
      const dt = performance.now() - t0
      if (out.length > 0) {
        samples.push(dt)
        break
      }
    }
  }
  return samples
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits))

export async function run(): Promise<BenchTable> {
  const small = answer(10 * 1024)
  const big = answer(1024 * 1024)
  const smallChunks = llmChunks(small)
  medianMs(20, () => runSegmenter(smallChunks)) // warm up the JIT

  // interleaved, so a burst of load from other processes hits both sizes alike
  const smallRuns: number[] = []
  const bigRuns: number[] = []
  const bigWindows: number[] = []
  for (let r = 0; r < 4; r++) {
    const big1 = streamSegmenter(big)
    bigRuns.push(big1.totalMs)
    bigWindows.push(...big1.windowsMs)
    for (let k = 0; k < 25; k++) smallRuns.push(streamSegmenter(small).totalMs)
  }
  const smallMs = percentile(smallRuns, 50)
  const bigMs = percentile(bigRuns, 50)
  const mbps = (bytes: number, ms: number): number => round(bytes / 1024 / 1024 / (ms / 1000))
  // a 10 KB stretch deep inside a 1 MB answer costs what a whole 10 KB answer costs: linear
  const perCharRatio = percentile(bigWindows, 50) / smallMs

  const naive10Ms = medianMs(2, () => runNaive(smallChunks))
  const ours10Ms = medianMs(100, () => runSegmenter(smallChunks))
  const tiny = answer(5 * 1024, 3)
  const tinyChunks = llmChunks(tiny)
  const ours5Ms = medianMs(100, () => runSegmenter(tinyChunks))
  const naive5Ms = medianMs(3, () => runNaive(tinyChunks))

  const overhead = firstSentenceOverheadMs(2000)

  return {
    title: 'segmenter: streaming markdown → utterances (LLM-like 3–8 char chunks)',
    rows: [
      { metric: 'throughput, 10 KB answer', value: mbps(small.length, smallMs), unit: 'MB/s' },
      { metric: 'throughput, 1 MB answer', value: mbps(big.length, bigMs), unit: 'MB/s' },
      { metric: 'per-char cost 1 MB ÷ 10 KB (1 = linear)', value: round(perCharRatio), unit: 'ratio' },
      {
        metric: 'per-char cost, whole runs 1 MB ÷ 10 KB',
        value: round(bigMs / big.length / (smallMs / small.length)),
        unit: 'ratio'
      },
      { metric: 'naive re-split ÷ this, 5 KB', value: round(naive5Ms / ours5Ms, 1), unit: 'x slower' },
      { metric: 'naive re-split ÷ this, 10 KB', value: round(naive10Ms / ours10Ms, 1), unit: 'x slower' },
      { metric: 'first-sentence push → utterance p50', value: round(percentile(overhead, 50), 4), unit: 'ms' },
      { metric: 'first-sentence push → utterance p99', value: round(percentile(overhead, 99), 4), unit: 'ms' },
      { metric: 'samples for p50/p99', value: overhead.length, unit: 'answers' }
    ],
    notes: [
      'Throughput: median of runs. Per-char cost: median time of a 10 KB window deep inside the 1 MB stream ÷ median 10 KB answer;',
      'the whole-run ratio also includes cache misses of a 1 MB working set and load from other processes on this machine.'
    ]
  }
}

export default run
