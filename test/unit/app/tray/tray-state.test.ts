import { describe, expect, it } from 'vitest'
import { SpeakingTracker, trayStateOf } from '../../../../src/main/app/tray/tray-state'

describe('tray state', () => {
  it('is listening while the microphone is open, even as Hark speaks', () => {
    expect(trayStateOf({ listening: true, speaking: true })).toBe('listening')
    expect(trayStateOf({ listening: false, speaking: true })).toBe('speaking')
    expect(trayStateOf({ listening: false, speaking: false })).toBe('idle')
  })

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
