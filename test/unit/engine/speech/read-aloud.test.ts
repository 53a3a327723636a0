import { describe, expect, it } from 'vitest'
import { readAloud } from '../../../../src/main/engine/speech/read-aloud'
import { createSegmenter } from '../../../../src/main/engine/segmenter/sentence-stream'
import type { TurnEvent } from '../../../../src/shared/turn-events'
import { RecordingSpeech } from '../../../support/engine-fakes'

const ANSWER =
  '## Why Rust\n\nRust is **fast**. See [axum](https://example.com/a.b) docs.\n\n- One thing.\n- Two things!'

function read(from: number) {
  const speech = new RecordingSpeech()
  const events: TurnEvent[] = []
  const count = readAloud('read-1', ANSWER, from, { createSegmenter, speech, emit: (e) => events.push(e) })
  return { speech, events, count }
}

describe('readAloud', () => {
  it('speaks a saved answer with the live segmenter, each utterance ranged in the raw text', () => {
    const { speech, events, count } = read(0)
    expect(speech.items.map((i) => i.text)).toEqual([
      'Why Rust',
      'Rust is fast.',
      'See axum docs.',
      'One thing.',
      'Two things!'
    ])
    expect(count).toBe(5)
    const utterances = events.filter((e) => e.type === 'utterance')
    expect(utterances.map((u) => u.turnId)).toEqual(Array(5).fill('read-1'))
    expect(utterances.map((u) => ANSWER.slice(...u.range))).toEqual([
      'Why Rust',
      'Rust is **fast**.',
      'See [axum](https://example.com/a.b) docs.',
      'One thing.',
      'Two things!'
    ])
  })

  it('starts at the sentence holding the chosen character, keeping its index', () => {
    const { speech, events } = read(ANSWER.indexOf('axum'))
    expect(speech.items.map((i) => [i.index, i.text])).toEqual([
      [2, 'See axum docs.'],
      [3, 'One thing.'],
      [4, 'Two things!']
    ])
    expect(events[0]).toMatchObject({ type: 'utterance', index: 2 })
  })

  it('queues nothing from past the end', () => {
    expect(read(ANSWER.length).count).toBe(0)
  })
})
