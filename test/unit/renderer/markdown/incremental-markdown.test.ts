import { describe, expect, it } from 'vitest'
import { Marked } from 'marked'
import { IncrementalMarkdown } from '../../../../src/renderer/src/shared/markdown/incremental-markdown'

const marked = new Marked({ gfm: true })
const lex = (s: string) => marked.lexer(s)

const answer = [
  '# Title',
  '',
  'First paragraph with **bold** text.',
  '',
  '- one',
  '- two',
  '',
  '```ts',
  'const x = 1',
  '```',
  '',
  'Last paragraph.'
].join('\n')

function streamInto(md: IncrementalMarkdown, text: string, step: number) {
  let snap = md.update('')
  for (let i = step; i < text.length + step; i += step) snap = md.update(text.slice(0, i))
  return snap
}

describe('IncrementalMarkdown', () => {
  it('ends with the same blocks as lexing the whole text at once', () => {
    for (const step of [1, 3, 17, 1000]) {
      const snap = streamInto(new IncrementalMarkdown(lex), answer, step)
      const blocks = [...snap.settled, ...(snap.tail ? [snap.tail] : [])]
      for (const b of blocks) expect(answer.slice(...b.range)).toBe(b.source)
      expect(blocks.at(-1)!.range[1]).toBe(answer.length)
      const types = blocks.flatMap((b) => b.tokens.map((t) => t.type)).filter((t) => t !== 'space')
      expect(types).toEqual(
        lex(answer)
          .map((t) => t.type)
          .filter((t) => t !== 'space')
      )
    }
  })

  it('never re-lexes a finished block: lexed text stays proportional to the answer', () => {
    const paragraph = 'A sentence of prose that goes on for a while. '.repeat(3)
    const long = Array.from({ length: 200 }, (_, i) => `${paragraph}${i}`).join('\n\n')
    const md = new IncrementalMarkdown(lex)
    streamInto(md, long, 8)
    const updates = Math.ceil(long.length / 8)
    // each update lexes only the open block (~150 chars), never the whole answer
    expect(md.lexCalls).toBe(updates)
    expect(md.lexedChars / updates).toBeLessThan(paragraph.length + 20)
    const naive = (updates * long.length) / 2
    expect(md.lexedChars).toBeLessThan(naive / 50)
  })

  it('keeps settled blocks identical objects across updates (so React can skip them)', () => {
    const md = new IncrementalMarkdown(lex)
    const first = md.update('Para one.\n\nPara two')
    const second = md.update('Para one.\n\nPara two grows')
    expect(first.settled[0]).toBe(second.settled[0])
    expect(second.tail?.source).toBe('Para two grows')
    expect(second.tail?.range).toEqual([11, 25])
  })

  it('treats an unclosed code fence as a code block while it streams', () => {
    const md = new IncrementalMarkdown(lex)
    const snap = md.update('Intro.\n\n```python\nprint("hi")\nfor x in')
    expect(snap.tail?.tokens[0]).toMatchObject({ type: 'code', lang: 'python', text: 'print("hi")\nfor x in' })
  })

  it('does not settle a code block until its fence closes and more text follows', () => {
    const md = new IncrementalMarkdown(lex)
    md.update('```js\nlet a\n\nlet b')
    expect(md.update('```js\nlet a\n\nlet b\n').settled).toHaveLength(0)
    const closed = md.update('```js\nlet a\n\nlet b\n```\n\nAfter')
    expect(closed.settled.map((b) => b.tokens[0]!.type)).toEqual(['code'])
    expect(closed.tail?.source).toBe('After')
  })

  it('starts over when the text is replaced rather than extended', () => {
    const md = new IncrementalMarkdown(lex)
    md.update('Old one.\n\nOld two')
    const snap = md.update('New text')
    expect(snap.settled).toHaveLength(0)
    expect(snap.tail?.source).toBe('New text')
  })

  it('normalises CRLF so offsets stay right', () => {
    const md = new IncrementalMarkdown(lex)
    const snap = md.update('A\r\n\r\nB')
    expect(snap.settled[0]!.source).toBe('A')
    expect(snap.tail?.source).toBe('B')
    expect(snap.tail?.range).toEqual([3, 4])
  })
})

describe('IncrementalMarkdown normalisation', () => {
  it('joins a CRLF split across two updates into one line break', () => {
    const md = new IncrementalMarkdown(lex)
    md.update('A\r')
    const snap = md.update('A\r\n\r\nB')
    expect(snap.settled[0]!.source).toBe('A')
    expect(snap.tail?.range).toEqual([3, 4])
  })
})
