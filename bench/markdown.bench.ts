/**
 * Markdown cost per character for the answers that once blanked or froze the
 * window (test/support/poison-answers.ts) against ordinary prose of the same
 * length, both streamed in the same deltas through the renderer's own
 * incremental parser: segmenting, lexing, and highlighting or escaping each
 * block the window would render. The ratio should be flat (≈ 1, or below).
 * DOMPurify and the DOM need a browser and are left to the renderer bench.
 */
import { performance } from 'node:perf_hooks'
import { IncrementalMarkdown, type MarkdownBlock } from '../src/renderer/src/shared/markdown/incremental-markdown'
import { lexMarkdown, renderBlock } from '../src/renderer/src/shared/markdown/render-markdown'
import { highlightCode } from '../src/renderer/src/shared/markdown/highlight'
import { isOpenFence, LIMITS } from '../src/renderer/src/shared/markdown/markdown-limits'
import { ordinaryProse, POISON_SHAPES } from '../test/support/poison-answers'
import type { BenchTable } from './run'

/** characters per update: about what main batches into one frame at a fast stream */
const DELTA = 2_000

/**
 * The work the window does for one block, minus sanitising: highlight code
 * (in the growing block, an open fence only while short), escape plain text.
 */
function render(block: MarkdownBlock, growing = false): void {
  if (block.plain) return void renderBlock(block)
  for (const t of block.tokens) {
    if (t.type !== 'code') continue
    const limit = growing && isOpenFence(t.raw) ? LIMITS.openHighlightChars : LIMITS.highlightChars
    highlightCode(t.text as string, t.lang as string | undefined, limit)
  }
}

/** Streams `text` in DELTA-sized updates; ms spent, and the most any one update took. */
function stream(text: string): { ms: number; worstMs: number; lexedChars: number } {
  const md = new IncrementalMarkdown(lexMarkdown)
  let rendered = 0
  let worstMs = 0
  const started = performance.now()
  for (let at = DELTA; at < text.length + DELTA; at += DELTA) {
    const t0 = performance.now()
    const snap = md.update(text.slice(0, at))
    for (; rendered < snap.settled.length; rendered++) render(snap.settled[rendered]!)
    if (snap.tail) render(snap.tail, true)
    worstMs = Math.max(worstMs, performance.now() - t0)
  }
  return { ms: performance.now() - started, worstMs, lexedChars: md.lexedChars }
}

export default function markdownBench(): BenchTable {
  const rows = Object.entries(POISON_SHAPES).map(([name, make]) => {
    const poison = make()
    const prose = ordinaryProse(poison.length)
    stream(prose) // warm the JIT for this size
    const base = stream(prose)
    const shape = stream(poison)
    const perK = (ms: number) => (ms / poison.length) * 1000
    return {
      shape: name,
      'poison ms / 1,000 chars': perK(shape.ms),
      'prose ms / 1,000 chars': perK(base.ms),
      'poison / prose': shape.ms / Math.max(base.ms, 0.001),
      'worst update ms (poison / prose)': `${shape.worstMs.toFixed(1)} / ${base.worstMs.toFixed(1)}`,
      'chars lexed per char': (shape.lexedChars / poison.length).toFixed(2),
      target: 'ratio ≈ 1'
    }
  })
  return {
    title: `Markdown cost per character: poison answers vs ordinary prose of the same length (${DELTA.toLocaleString('en')}-char updates)`,
    rows,
    notes: [
      'Poison shapes past a limit (markdown-limits.ts) are shown as plain text, settled in 16 KB pieces: an update never lexes more than about 32 KB, whatever the answer.'
    ]
  }
}
