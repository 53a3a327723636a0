import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { speakablePipeline } from '../../../../src/main/engine/segmenter/pipeline'
import { speakableText } from '../../../../src/main/engine/segmenter/speakable-text'
import type { Utterance } from '../../../../src/main/engine/segmenter/utterance'
import { compact, segmentChunks } from './chunking'

/** Pieces an LLM answer is made of, with every rule's trouble-makers in it. */
const PIECES = [
  'Hello',
  'world',
  'the',
  'answer',
  'is',
  'and',
  'but',
  'Dr.',
  'Mr.',
  'e.g.',
  'etc.',
  'U.S.',
  'J.',
  'p.m.',
  'It',
  'The',
  'we',
  '3.14',
  '$1,299.99',
  '1,5',
  'v2.3.1',
  'config.json',
  'a@b.co',
  'https://ex.com/a.b',
  'www.site.org',
  'http://h.io!',
  'www.q.eu?!',
  '.',
  '. ',
  '! ',
  '? ',
  '... ',
  '…',
  ', ',
  '; ',
  ': ',
  ' — ',
  '"',
  '“',
  '”',
  '(',
  ')',
  '[x](y)',
  '`',
  '`code.js`',
  '**',
  '*',
  '_',
  'snake_case',
  '~~',
  '# ',
  '## ',
  '- ',
  '1. ',
  '> ',
  '|',
  ' | ',
  '\n',
  '\n\n',
  '```',
  '```js\n',
  '~~~',
  '<b>',
  '</b>',
  '<think>',
  '</think>',
  '<br>',
  'x < y',
  '🎉',
  '👨‍👩‍👧',
  '🇯🇵',
  '👍🏽',
  '你好',
  '。',
  '！',
  '我是',
  'नमस्ते',
  '।',
  '؟',
  'مرحبا',
  ' ',
  ' ',
  ' ',
  '\t',
  '\\',
  '!',
  '#',
  '---',
  '\r\n'
]

const answer = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''))
/** any code points at all, lone surrogates included */
const garbage = fc.string({ unit: 'binary', maxLength: 200 })
const text = fc.oneof(answer, garbage)

/** Cut points (as fractions) turned into chunks of the text. */
function chunksAt(s: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((f) => Math.floor(f * s.length)))].sort((a, b) => a - b)
  const chunks: string[] = []
  let last = 0
  for (const p of at) {
    chunks.push(s.slice(last, p))
    last = p
  }
  chunks.push(s.slice(last))
  return chunks
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 })

function wellFormed(out: Utterance[], input: string, maxChars: number): void {
  let last = 0
  out.forEach((u, i) => {
    expect(u.index).toBe(i)
    expect(u.text).toBe(u.text.trim())
    expect(u.text).toMatch(/[\p{L}\p{N}]/u)
    expect(u.text).not.toMatch(/\s\s/u)
    expect(u.text.length).toBeLessThanOrEqual(maxChars + 40)
    expect(u.range[0]).toBeGreaterThanOrEqual(last)
    expect(u.range[1]).toBeGreaterThan(u.range[0])
    expect(u.range[1]).toBeLessThanOrEqual(input.length)
    last = u.range[1]
  })
}

const isWordChar = (c: string): boolean => /[\p{L}\p{N}]/u.test(c)

/**
 * `spoken` must be `clean` with at most some symbols left out (a symbol-only
 * piece is never spoken): every letter and digit, in order, none added.
 */
function expectSameSpeech(spoken: string, clean: string): void {
  const a = [...spoken]
  const b = [...clean]
  let i = 0
  for (const c of b) {
    if (a[i] === c) i++
    else expect(isWordChar(c), `"${c}" of the clean text is missing from the utterances`).toBe(false)
  }
  expect(a.slice(i).join(''), 'utterances say more than the clean text').toBe('')
}

describe('segmenter properties', () => {
  it('gives the same utterances for any chunking of the same text', () => {
    fc.assert(
      fc.property(text, cuts, (s, c) => {
        expect(segmentChunks(chunksAt(s, c))).toEqual(segmentChunks([s]))
      }),
      { numRuns: 500 }
    )
  })

  it('loses and repeats nothing: the utterances read as the cleaned text of the whole', () => {
    fc.assert(
      fc.property(text, cuts, (s, c) => {
        const out = segmentChunks(chunksAt(s, c))
        expectSameSpeech(compact(out.map((u) => u.text).join('')), compact(speakableText(s)))
      }),
      { numRuns: 500 }
    )
  })

  it('emits only well-formed utterances with increasing ranges', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 30, max: 300 }), (s, maxChars) => {
        wellFormed(segmentChunks([s], { maxChars }), s, maxChars)
      }),
      { numRuns: 500 }
    )
  })

  it('speaks every character in the order it was written, from where it was written', () => {
    fc.assert(
      fc.property(text, cuts, (s, c) => {
        let last = -1
        const feeder = speakablePipeline({
          put: (ch, off) => {
            expect(off, `"${ch}" at ${off} after ${last}`).toBeGreaterThan(last)
            expect(ch === ' ' || s.startsWith(ch, off) || s.startsWith('\\' + ch, off - 1)).toBe(true)
            last = off
          },
          brk: () => {},
          end: () => {}
        })
        for (const chunk of chunksAt(s, c)) feeder.write(chunk)
        feeder.end()
      }),
      { numRuns: 500 }
    )
  })
})
