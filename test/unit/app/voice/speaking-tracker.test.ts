import { describe, expect, it } from 'vitest'
import { SpeakingTracker } from '../../../../src/main/app/voice/speaking-tracker'

describe('speaking tracker', () => {
  it('speaks from the first started utterance until every started one finished or was cancelled', () => {
    const t = new SpeakingTracker()
    expect(t.update({ turnId: 'a', index: 0, state: 'started' })).toBe(true)
    expect(t.speaking).toBe(true)
    expect(t.update({ turnId: 'b', index: 0, state: 'started' })).toBe(false)
    expect(t.update({ turnId: 'a', index: 0, state: 'finished' })).toBe(false)
    expect(t.speaking).toBe(true)
    expect(t.update({ turnId: 'b', index: 0, state: 'cancelled' })).toBe(true)
    expect(t.speaking).toBe(false)
  })

  it('ignores an end for an utterance it never saw start', () => {
    const t = new SpeakingTracker()
    expect(t.update({ turnId: 'a', index: 3, state: 'cancelled' })).toBe(false)
    expect(t.speaking).toBe(false)
  })

  it('is silent after a reset', () => {
    const t = new SpeakingTracker()
    t.update({ turnId: 'a', index: 0, state: 'started' })
    expect(t.reset()).toBe(true)
    expect(t.speaking).toBe(false)
  })
})
