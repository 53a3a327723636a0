import { describe, expect, it } from 'vitest'
import { ANNOUNCE_MAX_CHARS, sentenceAnnouncement } from '../../../../src/renderer/src/shared/sentence-announcement'

/** `sentences` joined by spaces, and each one's range in the result */
function answer(sentences: string[]): { text: string; ranges: Array<[number, number]> } {
  let text = ''
  const ranges: Array<[number, number]> = []
  for (const s of sentences) {
    if (text) text += ' '
    ranges.push([text.length, text.length + s.length])
    text += s
  }
  return { text, ranges }
}

describe('sentenceAnnouncement', () => {
  it('says the newly cut sentences in order, without markdown marks', () => {
    const { text, ranges } = answer(['First one.', 'The **second** one.', '# Third.'])
    expect(sentenceAnnouncement(text, ranges, 1, 3)).toBe('The second one. Third.')
  })

  it('says nothing when no sentence is new', () => {
    const { text, ranges } = answer(['Only one.'])
    expect(sentenceAnnouncement(text, ranges, 1, 1)).toBe('')
  })

  it('keeps a burst of thousands of sentences to a bounded announcement that says it goes on', () => {
    const { text, ranges } = answer(Array.from({ length: 30_000 }, (_, i) => `Sentence number ${i} is here.`))
    const said = sentenceAnnouncement(text, ranges, 0, ranges.length)
    expect(said.length).toBeLessThanOrEqual(ANNOUNCE_MAX_CHARS + 2)
    expect(said.startsWith('Sentence number 0 is here. Sentence number 1 is here.')).toBe(true)
    expect(said.endsWith('…')).toBe(true)
  })

  it('cuts one huge sentence at the bound rather than announcing all of it', () => {
    const { text, ranges } = answer(['word '.repeat(100_000) + 'end.'])
    const said = sentenceAnnouncement(text, ranges, 0, 1)
    expect(said.length).toBeLessThanOrEqual(ANNOUNCE_MAX_CHARS + 2)
    expect(said.endsWith('…')).toBe(true)
  })

  it('reads only the sentences it announces, however long the answer before them', () => {
    const { text, ranges } = answer(Array.from({ length: 10_000 }, (_, i) => `S${i}.`))
    const read: number[] = []
    const watched = new Proxy(ranges, {
      get: (target, key) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.push(Number(key))
        return Reflect.get(target, key)
      }
    })
    expect(sentenceAnnouncement(text, watched, 9_998, 10_000)).toBe('S9998. S9999.')
    expect(read).toEqual([9_998, 9_999])
  })
})
