import { describe, expect, it } from 'vitest'
import { completenessOf, endOfTurnSilenceMs } from '../../../../src/main/engine/voice/end-of-turn'

describe('completenessOf', () => {
  it.each([
    'What is the capital of France?',
    'Turn off the lights.',
    'Wow!',
    'what is the capital of france',
    'how do I boil an egg',
    'He said "stop."'
  ])('reads "%s" as finished', (text) => {
    expect(completenessOf(text)).toBe('complete')
  })

  it.each([
    'and then…',
    'And then...',
    'so um',
    'I was wondering whether,',
    'Tell me about the history of',
    'What is the',
    'I went to the shop and.',
    'So.',
    'Find me a recipe but'
  ])('reads "%s" as trailing off', (text) => {
    expect(completenessOf(text)).toBe('trailing')
  })

  // Whisper capitalises and ends nearly every transcript with a full stop, even one cut off mid-thought.
  it.each([
    'Tell me about the history of.',
    'What is the.',
    'Can you compare it with the.',
    'Is it bigger than.',
    'Remind me to.',
    'I want to know if.',
    'What about my.',
    'Um.',
    'So, um.',
    'And then.',
    'And then...',
    'I was thinking, like.',
    'Find me a recipe, and.',
    'Tell me about the history of,',
    'Tell me about the history of…'
  ])('reads the punctuated "%s" as trailing off', (text) => {
    expect(completenessOf(text)).toBe('trailing')
  })

  it.each([
    'Turn the lights on.',
    'Tell me what this is.',
    'I said that.',
    'Where are you from?',
    'What is this about?',
    'Who is it for?'
  ])('reads "%s", ending on a word a sentence can end on, as finished', (text) => {
    expect(completenessOf(text)).toBe('complete')
  })

  it.each(['', '   ', 'Paris', 'hello there'])('is unsure about "%s"', (text) => {
    expect(completenessOf(text)).toBe('unsure')
  })
})

describe('endOfTurnSilenceMs', () => {
  it('ends a finished question after half the silence, and at most 500 ms with the default 800', () => {
    expect(endOfTurnSilenceMs('smart', 800, 'What time is it?')).toBe(400)
    expect(endOfTurnSilenceMs('smart', 2000, 'What time is it?')).toBe(1000)
  })

  it('never cuts a finished sentence below a breath', () => {
    expect(endOfTurnSilenceMs('smart', 300, 'Yes.')).toBe(300)
  })

  it('waits twice as long when the words trail off', () => {
    expect(endOfTurnSilenceMs('smart', 800, 'and then')).toBe(1600)
    expect(endOfTurnSilenceMs('smart', 800, 'Tell me about the history of.')).toBe(1600)
  })

  it('waits the configured silence when unsure or before any transcript', () => {
    expect(endOfTurnSilenceMs('smart', 800, 'Paris')).toBe(800)
    expect(endOfTurnSilenceMs('smart', 800, null)).toBe(800)
  })

  it('always waits the configured silence with the fixed policy', () => {
    expect(endOfTurnSilenceMs('fixed', 800, 'What time is it?')).toBe(800)
    expect(endOfTurnSilenceMs('fixed', 800, 'and then')).toBe(800)
  })
})
