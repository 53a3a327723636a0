import {
  createSegmenter,
  type SegmenterOptions,
  type Utterance
} from '../../../../src/main/engine/segmenter/sentence-stream'
import { seededRandom } from '../../../support/seeded-random'

/** Cuts text into chunks of min..max UTF-16 units (surrogate pairs may be split on purpose). */
export function chunkRandom(text: string, seed: number, min = 1, max = 16): string[] {
  const rand = seededRandom(seed)
  const chunks: string[] = []
  for (let i = 0; i < text.length;) {
    const n = min + Math.floor(rand() * (max - min + 1))
    chunks.push(text.slice(i, i + n))
    i += n
  }
  return chunks
}

export function chunkEvery(text: string, n: number): string[] {
  const chunks: string[] = []
  for (let i = 0; i < text.length; i += n) chunks.push(text.slice(i, i + n))
  return chunks
}

/** The chunkings every table case is run at. */
export function chunkings(text: string): Array<[name: string, chunks: string[]]> {
  return [
    ['whole', [text]],
    ['1-char', chunkEvery(text, 1)],
    ['random 1-16 seed 1', chunkRandom(text, 1)],
    ['random 1-16 seed 7', chunkRandom(text, 7)],
    ['random 1-16 seed 42', chunkRandom(text, 42)],
    ['llm-like 3-8', chunkRandom(text, 3, 3, 8)]
  ]
}

/** Pushes every chunk, then flushes: all utterances in order. */
export function segmentChunks(chunks: readonly string[], opts?: SegmenterOptions): Utterance[] {
  const seg = createSegmenter(opts)
  const out: Utterance[] = []
  for (const c of chunks) out.push(...seg.push(c))
  out.push(...seg.flush())
  return out
}

/** All non-space characters, for comparing text regardless of where spaces fell. */
export const compact = (s: string): string => s.replace(/\s+/gu, '')
