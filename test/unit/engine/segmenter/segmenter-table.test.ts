import { describe, expect, it } from 'vitest'
import { ALL_CASES } from './segmenter-cases'
import { chunkings, segmentChunks } from './chunking'

const wordChars = (s: string): string[] => [...s].filter((c) => /[\p{L}\p{N}]/u.test(c))

function isSubsequence(needle: string[], hay: string[]): boolean {
  let i = 0
  for (const c of hay) if (c === needle[i]) i++
  return i === needle.length
}

describe('segmenter table', () => {
  it('covers at least 60 tricky inputs', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(60)
  })

  describe.each(ALL_CASES)('$name', ({ input, expected }) => {
    it.each(chunkings(input))('gives the expected utterances when chunked %s', (_name, chunks) => {
      const out = segmentChunks(chunks)
      expect(out.map((u) => u.text)).toEqual(expected)
      expect(out.map((u) => u.index)).toEqual(expected.map((_, i) => i))
    })

    it('points each range at the raw text the utterance came from, first to last spoken character', () => {
      const out = segmentChunks([input])
      let last = 0
      for (const u of out) {
        const [start, end] = u.range
        expect(start).toBeGreaterThanOrEqual(last)
        expect(end).toBeGreaterThan(start)
        expect(end).toBeLessThanOrEqual(input.length)
        const raw = input.slice(start, end)
        expect([...raw][0]).toBe([...u.text][0])
        expect([...raw].at(-1)).toBe([...u.text].at(-1))
        expect(isSubsequence(wordChars(u.text), wordChars(raw))).toBe(true)
        last = end
      }
    })
  })
})
