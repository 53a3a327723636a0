import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ThinkSplitter, type Piece } from '../../../../src/main/engine/llm/think-splitter'

function run(chunks: string[]): { text: string; reasoning: string } {
  const s = new ThinkSplitter()
  const pieces: Piece[] = [...chunks.flatMap((c) => s.push(c)), ...s.end()]
  const join = (t: Piece['type']) =>
    pieces
      .filter((p) => p.type === t)
      .map((p) => p.text)
      .join('')
  return { text: join('text'), reasoning: join('reasoning') }
}

/** Cut a string at the given (sorted, deduplicated) positions. */
function cut(s: string, at: number[]): string[] {
  const points = [...new Set(at.map((n) => n % (s.length + 1)))].sort((a, b) => a - b)
  return [0, ...points].map((p, i, all) => s.slice(p, all[i + 1] ?? s.length)).filter((x, i) => x !== '' || i === 0)
}

describe('ThinkSplitter', () => {
  it('separates a leading think block from the answer and drops the blank lines between', () => {
    expect(run(['<think>plan it</think>\n\nHello there.'])).toEqual({ reasoning: 'plan it', text: 'Hello there.' })
  })

  it('finds tags split across chunks at any position', () => {
    const whole = '  <think>weigh the options</think>\n\nThe answer is 42.'
    fc.assert(
      fc.property(fc.array(fc.nat(60), { maxLength: 12 }), (at) => {
        expect(run(cut(whole, at))).toEqual({ reasoning: 'weigh the options', text: 'The answer is 42.' })
      })
    )
  })

  it('leaves content without a leading tag alone, including a later <think>', () => {
    expect(run(['Use <think>', ' tags like this.'])).toEqual({ reasoning: '', text: 'Use <think> tags like this.' })
  })

  it('streams reasoning as it comes rather than holding it all back', () => {
    const s = new ThinkSplitter()
    expect(s.push('<think>first thoughts ')).toEqual([{ type: 'reasoning', text: 'first thoughts ' }])
    expect(s.push('more </thi')).toEqual([{ type: 'reasoning', text: 'more ' }])
    expect(s.push('nk>Answer')).toEqual([{ type: 'text', text: 'Answer' }])
  })

  it('treats an unterminated think block as reasoning and a lone tag prefix as text', () => {
    expect(run(['<think>never closed'])).toEqual({ reasoning: 'never closed', text: '' })
    expect(run(['<thi'])).toEqual({ reasoning: '', text: '<thi' })
  })
})
