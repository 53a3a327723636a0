import { describe, expect, it } from 'vitest'
import {
  placeDelta,
  replaceText,
  streamedText,
  type StreamedText
} from '../../../../src/renderer/src/shared/streamed-text'

const place = (deltas: Array<[string, number | undefined]>, from: StreamedText = streamedText(true)): StreamedText =>
  deltas.reduce((s, [text, at]) => placeDelta(s, text, at), from)

describe('streamed text', () => {
  it('adds a repeated delta once and an overlapping one only past the end', () => {
    const s = place([
      ['Hello', 0],
      ['Hello', 0],
      ['lo there', 3],
      [' there', 5]
    ])
    expect(s.text).toBe('Hello there')
    expect(s.ahead).toEqual([])
  })

  it('holds a delta that came before the text reaching it, and places it once the gap fills', () => {
    const early = place([
      ['world.', 6],
      [' Bye.', 13]
    ])
    expect(early.text).toBe('')
    const filled = place([['Hello ', 0]], early)
    expect(filled.text).toBe('Hello world.')
    expect(filled.ahead).toEqual([{ at: 13, text: ' Bye.' }])
    expect(place([['!', 12]], filled).text).toBe('Hello world.! Bye.')
  })

  it('puts deltas that arrive in reverse order back in order', () => {
    expect(
      place([
        ['c', 2],
        ['b', 1],
        ['a', 0]
      ]).text
    ).toBe('abc')
  })

  it('ignores a delta older than the text it already shows', () => {
    const s = place([['ello', 1]], replaceText(streamedText(false), 'Hello world'))
    expect(s.text).toBe('Hello world')
  })

  it("places held deltas after main's text so far", () => {
    const held = place([['world', 6]], streamedText(true))
    expect(replaceText(held, 'Hello ').text).toBe('Hello world')
  })

  it('appends deltas as they come when it cannot trust their offsets', () => {
    expect(
      place([
        ['Hi ', undefined],
        ['you', undefined]
      ]).text
    ).toBe('Hi you')
    expect(
      place(
        [
          ['one ', 4],
          ['two', 0]
        ],
        streamedText(false)
      ).text
    ).toBe('one two')
  })

  it('shows a gap that never fills rather than hold deltas without end, and keeps everything after it', () => {
    const deltas: Array<[string, number]> = Array.from({ length: 100 }, (_, i) => [`${i};`, 1000 + i * 10])
    const s = place(deltas)
    expect(s.ahead.length).toBeLessThanOrEqual(64)
    const all = deltas.map(([t]) => t).join('')
    expect(s.text).toBe(all)
    expect(s.aligned).toBe(false)
  })

  it('returns the same text when a delta adds nothing', () => {
    const s = place([['Hello', 0]])
    expect(placeDelta(s, 'Hel', 0)).toBe(s)
    expect(placeDelta(s, '', 5)).toBe(s)
  })
})
