import { describe, expect, it } from 'vitest'
import { chunkings, segmentChunks } from './chunking'

const words = (n: number, word = 'word'): string => Array.from({ length: n }, () => word).join(' ')

describe('long run-ons', () => {
  it('splits at a clause mark first', () => {
    const text = `${words(30)}, ${words(30)}, ${words(30)}.`
    const out = segmentChunks([text]).map((u) => u.text)
    expect(out.length).toBeGreaterThan(1)
    expect(out[0]!.endsWith(',')).toBe(true)
    for (const u of out) expect(u.length).toBeLessThanOrEqual(220)
  })

  it('splits before a conjunction when there is no clause mark', () => {
    const text = `${words(30)} and ${words(30)} but ${words(30)}.`
    const out = segmentChunks([text]).map((u) => u.text)
    expect(out[0]).toBe(words(30))
    expect(out[1]!.startsWith('and ')).toBe(true)
    for (const u of out) expect(u.length).toBeLessThanOrEqual(220)
  })

  it('splits at a space as a last resort, losing no word', () => {
    const text = words(120)
    const out = segmentChunks([text]).map((u) => u.text)
    for (const u of out) expect(u.length).toBeLessThanOrEqual(220)
    expect(out.join(' ')).toBe(text)
  })

  it('cuts a space-less run hard at the cap', () => {
    const out = segmentChunks(['x'.repeat(500)]).map((u) => u.text)
    expect(out.map((u) => u.length)).toEqual([220, 220, 60])
  })

  it('caps CJK at about 60 characters, preferring a CJK comma', () => {
    const clause = '我们今天去公园散步然后回家吃饭，'
    const out = segmentChunks([clause.repeat(12) + '。']).map((u) => u.text)
    for (const u of out) expect(u.length).toBeLessThanOrEqual(60)
    for (const u of out.slice(0, -1)) expect(u.endsWith('，')).toBe(true)
  })

  it('honours a custom cap', () => {
    const out = segmentChunks([words(40)], { maxChars: 50 }).map((u) => u.text)
    for (const u of out) expect(u.length).toBeLessThanOrEqual(50)
  })

  it('splits the same way under any chunking', () => {
    const text = `${words(25)}; ${words(50, 'alpha')} or ${'z'.repeat(300)} 你好${'们'.repeat(100)}。`
    const whole = segmentChunks([text])
    for (const [, chunks] of chunkings(text)) expect(segmentChunks(chunks)).toEqual(whole)
  })
})
