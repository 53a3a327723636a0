import { describe, expect, it } from 'vitest'
import { createSegmenter } from '../../../../src/main/engine/segmenter/sentence-stream'
import type { Utterance } from '../../../../src/main/engine/segmenter/utterance'

/** Pushes one character at a time; returns the index of the push that produced each utterance. */
function whenEmitted(text: string): Array<{ at: number; text: string }> {
  const seg = createSegmenter({ firstFragment: false })
  const seen: Array<{ at: number; text: string }> = []
  for (let i = 0; i < text.length; i++) for (const u of seg.push(text[i]!)) seen.push({ at: i, text: u.text })
  for (const u of seg.flush()) seen.push({ at: text.length, text: u.text })
  return seen
}

const texts = (us: Utterance[]): string[] => us.map((u) => u.text)

describe('early emission', () => {
  it.each([
    ['I spoke with Dr. Smith yesterday. He agreed.', 'He agreed.', 'I spoke with Dr. Smith yesterday.'],
    ['It works.\nThen it stops.', 'Then', 'It works.'],
    ['It works.\n\nThen it stops.', '\n\n', 'It works.'],
    ['你好！我是助手。', '我', '你好！'],
    ['Wait... What?', 'What', 'Wait...'],
    ['He said "Stop!" Then ran.', 'Then', 'He said "Stop!"']
  ])('emits the first sentence of %j from the push that reveals what follows', (text, revealer, first) => {
    const revealAt = text.indexOf(revealer) + (revealer === '\n\n' ? 1 : 0)
    expect(whenEmitted(text)[0]).toEqual({ at: revealAt, text: first })
  })

  it('emits a heading at the end of its line', () => {
    const text = '# Title\nBody'
    expect(whenEmitted(text)[0]).toEqual({ at: text.indexOf('\n'), text: 'Title' })
  })

  it('emits a sentence inside a chunk that also starts the next one', () => {
    const seg = createSegmenter()
    expect(seg.push('I spoke with Dr. Smith yesterday.')).toEqual([])
    expect(texts(seg.push(' He agr'))).toEqual(['I spoke with Dr. Smith yesterday.'])
    expect(texts(seg.push('eed.'))).toEqual([])
    expect(texts(seg.flush())).toEqual(['He agreed.'])
  })

  it('waits while the next character is only a space', () => {
    const seg = createSegmenter()
    expect(seg.push('It is done.  ')).toEqual([])
    expect(texts(seg.push('Next'))).toEqual(['It is done.'])
  })
})

describe('first fragment', () => {
  const opener = 'Well, I think that the answer, which is long, keeps going'

  it('speaks up to a clause mark after four words once the delay has passed', () => {
    const seg = createSegmenter({ firstFragmentDelayMs: 400 })
    expect(seg.push(opener, 1000)).toEqual([])
    expect(seg.tick(1300)).toEqual([])
    const [frag] = seg.tick(1400)
    expect(frag).toMatchObject({ index: 0, text: 'Well, I think that the answer,' })
    expect(opener.slice(...frag!.range)).toBe('Well, I think that the answer,')
    expect(texts(seg.push(' and ends here. Next', 1500))).toEqual(['which is long, keeps going and ends here.'])
  })

  it('cuts only once per answer', () => {
    const seg = createSegmenter()
    seg.push(opener, 0)
    expect(seg.tick(500)).toHaveLength(1)
    expect(seg.push(', more words here, and more, and more', 600)).toEqual([])
    expect(seg.tick(5000)).toEqual([])
  })

  it('cuts during a push that comes after the delay', () => {
    const seg = createSegmenter()
    expect(seg.push('One two three four', 0)).toEqual([])
    expect(texts(seg.push(' five, six', 450))).toEqual(['One two three four five,'])
  })

  it('waits for four words before a clause mark', () => {
    const seg = createSegmenter()
    seg.push('Yes, well, ok', 0)
    expect(seg.tick(1000)).toEqual([])
  })

  it('never splits inside a number with a decimal comma', () => {
    const seg = createSegmenter()
    seg.push('It costs 1,5 euros per liter, they say', 0)
    expect(texts(seg.tick(1000))).toEqual(['It costs 1,5 euros per liter,'])
  })

  it('does not cut at a trailing comma before seeing what follows it', () => {
    const seg = createSegmenter()
    seg.push('The price is about 1,', 0)
    expect(seg.tick(1000)).toEqual([])
    expect(texts(seg.push('5 euros', 1001))).toEqual([])
  })

  it('is not used when a sentence completes first', () => {
    const seg = createSegmenter()
    expect(texts(seg.push('Short one. Then, after that, more words, and more', 0))).toEqual(['Short one.'])
    expect(seg.tick(1000)).toEqual([])
  })

  it('is off when disabled', () => {
    const seg = createSegmenter({ firstFragment: false })
    seg.push(opener, 0)
    expect(seg.tick(10_000)).toEqual([])
    expect(texts(seg.flush())).toEqual([opener])
  })

  it('counts the delay from the first token, not from the first push', () => {
    const seg = createSegmenter()
    seg.push('', 0)
    seg.push(opener, 300)
    expect(seg.tick(600)).toEqual([])
    expect(seg.tick(700)).toHaveLength(1)
  })
})

describe('tail and stall', () => {
  it('flushes the unterminated tail at the end', () => {
    const seg = createSegmenter()
    expect(texts(seg.push('First. Second without end'))).toEqual(['First.'])
    expect(seg.flush()).toMatchObject([{ index: 1, text: 'Second without end', range: [7, 25] }])
  })

  it('speaks the tail on an idle stall and keeps counting after it', () => {
    const seg = createSegmenter({ firstFragment: false })
    seg.push('The model paused here')
    const stalled = seg.tick(5000, { stalled: true })
    expect(stalled).toMatchObject([{ index: 0, text: 'The model paused here', range: [0, 21] }])
    expect(seg.tick(6000, { stalled: true })).toEqual([])
    seg.push(' and went on.')
    expect(seg.flush()).toMatchObject([{ index: 1, text: 'and went on.', range: [22, 34] }])
  })

  it('returns nothing more once flushed', () => {
    const seg = createSegmenter()
    seg.push('Done.')
    expect(seg.flush()).toHaveLength(1)
    expect(seg.flush()).toEqual([])
    expect(seg.tick(1, { stalled: true })).toEqual([])
  })
})

describe('bad input', () => {
  it('refuses a push after flush with a clear error', () => {
    const seg = createSegmenter()
    seg.flush()
    expect(() => seg.push('late')).toThrow(/after flush/)
  })

  it('refuses a chunk that is not a string', () => {
    const seg = createSegmenter()
    expect(() => seg.push(42 as unknown as string)).toThrow(TypeError)
  })

  it('refuses a nonsensical length cap', () => {
    expect(() => createSegmenter({ maxChars: 0 })).toThrow(RangeError)
  })

  it('keeps a surrogate pair split across chunks whole', () => {
    const seg = createSegmenter()
    const out = [...seg.push('Café 😀 time \uD835'), ...seg.push('\uDC00 ok.'), ...seg.flush()]
    expect(texts(out)).toEqual(['Café time \uD835\uDC00 ok.'])
  })
})

describe('stall inside a word', () => {
  it('keeps a word whose rest is still held back for the words after the stall', () => {
    const seg = createSegmenter({ firstFragment: false })
    seg.push('Name it my_')
    expect(texts(seg.tick(5000, { stalled: true }))).toEqual(['Name it'])
    seg.push('value now.')
    expect(texts(seg.flush())).toEqual(['my_value now.'])
  })

  it('speaks a table-like line start held for its next line', () => {
    const seg = createSegmenter({ firstFragment: false })
    seg.push('The model paused | here')
    expect(texts(seg.tick(5000, { stalled: true }))).toEqual(['The model paused here'])
  })
})
