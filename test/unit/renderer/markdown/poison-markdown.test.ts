import { describe, expect, it } from 'vitest'
import { Marked, type Token } from 'marked'
import {
  IncrementalMarkdown,
  type MarkdownSnapshot
} from '../../../../src/renderer/src/shared/markdown/incremental-markdown'
import { LIMITS } from '../../../../src/renderer/src/shared/markdown/markdown-limits'
import {
  deepQuotes,
  hugeParagraph,
  nestedList,
  openFence,
  ordinaryProse,
  POISON_SHAPES
} from '../../../support/poison-answers'

/**
 * Answers that once blanked or froze the window (issue 11): each renders
 * without throwing, and no update hands the lexer more than a bounded
 * stretch of text, however long the answer grows.
 */

const marked = new Marked({ gfm: true })

/** A lexer that records the longest input it was given. */
function recordingLexer(): { lex: (s: string) => Token[]; longest: () => number } {
  let longest = 0
  return {
    lex: (s) => {
      longest = Math.max(longest, s.length)
      return marked.lexer(s)
    },
    longest: () => longest
  }
}

function blocksOf(snap: MarkdownSnapshot) {
  return [...snap.settled, ...(snap.tail ? [snap.tail] : [])]
}

function stream(md: IncrementalMarkdown, text: string, step: number): MarkdownSnapshot {
  let snap = md.update('')
  for (let at = step; at < text.length + step; at += step) snap = md.update(text.slice(0, at))
  return snap
}

const BOUND = LIMITS.runChars + LIMITS.codeChars

describe('poison answers, given whole (a saved conversation reopened)', () => {
  for (const [name, make] of Object.entries(POISON_SHAPES)) {
    it(`renders ${name} without throwing, every character in some block`, () => {
      const text = make()
      const lexer = recordingLexer()
      const blocks = blocksOf(new IncrementalMarkdown(lexer.lex).update(text))
      expect(lexer.longest()).toBeLessThanOrEqual(BOUND)
      let covered = 0
      for (const b of blocks) {
        expect(text.slice(...b.range)).toBe(b.source)
        expect(b.range[0]).toBeGreaterThanOrEqual(covered)
        covered = b.range[1]
      }
      expect(text.slice(covered).trim()).toBe('')
    })
  }

  it('shows the deep quote as plain text and says so, keeping the text around it as markdown', () => {
    const blocks = blocksOf(new IncrementalMarkdown((s) => marked.lexer(s)).update(deepQuotes()))
    const plain = blocks.filter((b) => b.plain)
    expect(plain).toHaveLength(1)
    expect(plain[0]!.source).toMatch(/^>{2000} the innermost words$/)
    expect(plain[0]!.plain).toEqual({ code: false, note: true })
    expect(blocks.filter((b) => !b.plain).map((b) => b.tokens[0]!.type)).toEqual(['paragraph', 'paragraph'])
  })

  it('cuts a huge paragraph into plain pieces of bounded size, only the first one noted', () => {
    const text = hugeParagraph(1_000_000)
    const blocks = blocksOf(new IncrementalMarkdown((s) => marked.lexer(s)).update(text))
    expect(blocks.every((b) => b.plain && !b.plain.code && b.source.length <= LIMITS.chunkChars)).toBe(true)
    expect(blocks.map((b) => b.source).join('')).toBe(text)
    expect(blocks.filter((b) => b.plain!.note)).toHaveLength(1)
  })
})

describe('poison answers, streamed', () => {
  const cases: Array<[string, string, number]> = [
    ['a 1 MB open code fence', openFence(1_000_000), 997],
    ['a 90 KB nested list', nestedList(90_000), 61],
    ['a 2 MB paragraph', hugeParagraph(2_000_000), 4093],
    ['deep quotes', deepQuotes(), 7]
  ]
  for (const [name, text, step] of cases) {
    it(`lexes ${name} in work proportional to its length, never a long stretch at once`, () => {
      const lexer = recordingLexer()
      const md = new IncrementalMarkdown(lexer.lex)
      const snap = stream(md, text, step)
      const updates = Math.ceil(text.length / step)
      expect(lexer.longest()).toBeLessThanOrEqual(BOUND)
      // each update lexes at most about one limit's worth of open text
      expect(md.lexedChars).toBeLessThan(updates * BOUND)
      expect(md.lexedChars / updates).toBeLessThan(LIMITS.textChars + 2 * step)
      const last = blocksOf(snap).at(-1)!
      expect(last.range[1]).toBe(text.length)
    })
  }

  it('keeps an open fence past the limit as a plain code tail no longer than two pieces', () => {
    const md = new IncrementalMarkdown((s) => marked.lexer(s))
    const snap = stream(md, openFence(300_000), 1500)
    expect(snap.tail?.plain).toEqual({ code: true, note: false })
    expect(snap.tail!.source.length).toBeLessThanOrEqual(2 * LIMITS.chunkChars)
    expect(snap.settled.find((b) => b.plain)?.plain?.note).toBe(true)
  })

  it('ends a plain code fence at its closing fence, and lexes what follows as markdown again', () => {
    const md = new IncrementalMarkdown((s) => marked.lexer(s))
    const text = `${openFence(100_000)}\n\`\`\`\n\nAfter the code, **bold** again.`
    const snap = stream(md, text, 2000)
    expect(snap.tail?.plain).toBeUndefined()
    expect(snap.tail?.tokens[0]).toMatchObject({ type: 'paragraph' })
    expect(snap.tail?.source).toBe('After the code, **bold** again.')
  })
})

describe('ordinary markdown under the limits', () => {
  it('still renders quotes and lists nested a few levels as markdown', () => {
    const text = '> > > three levels of quote\n\n- a\n  - b\n    - c\n\nDone.'
    const blocks = blocksOf(new IncrementalMarkdown((s) => marked.lexer(s)).update(text))
    expect(blocks.some((b) => b.plain)).toBe(false)
    expect(blocks.map((b) => b.tokens[0]!.type)).toEqual(['blockquote', 'list', 'paragraph'])
  })

  it('lexes long ordinary prose exactly as marked does on the whole text', () => {
    const text = ordinaryProse(20_000)
    const blocks = blocksOf(new IncrementalMarkdown((s) => marked.lexer(s)).update(text))
    const types = (tokens: Token[]) => tokens.map((t) => t.type).filter((t) => t !== 'space')
    expect(blocks.some((b) => b.plain)).toBe(false)
    expect(types(blocks.flatMap((b) => b.tokens))).toEqual(types(marked.lexer(text)))
  })

  it('keeps a fenced block with deeply indented code as code', () => {
    const code = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}x${i}`).join('\n')
    const blocks = blocksOf(new IncrementalMarkdown((s) => marked.lexer(s)).update(`\`\`\`py\n${code}\n\`\`\`\n\nEnd.`))
    expect(blocks.map((b) => b.tokens[0]?.type)).toEqual(['code', 'paragraph'])
  })
})
