import { describe, expect, it } from 'vitest'
import { displayLevel, rms } from '../../../../src/main/engine/voice/level-meter'
import { createChimePlayer } from '../../../../src/main/engine/voice/chime-player'
import { silence, tone } from './pcm-fixtures'

describe('level meter', () => {
  it('measures RMS of s16le audio', () => {
    expect(rms(silence(100))).toBe(0)
    expect(rms(tone(100, 0.5))).toBeCloseTo(0.5 / Math.SQRT2, 2)
    expect(rms(Buffer.alloc(1))).toBe(0) // half a sample is no sample
  })

  it('maps -60..0 dBFS onto 0..1 for the indicator', () => {
    expect(displayLevel(0)).toBe(0)
    expect(displayLevel(0.001)).toBeCloseTo(0, 5) // -60 dBFS
    expect(displayLevel(0.0316)).toBeCloseTo(0.5, 1) // -30 dBFS
    expect(displayLevel(1)).toBe(1)
    expect(displayLevel(2)).toBe(1)
  })
})

describe('chime player', () => {
  it('never throws, whatever the player makes of the file', async () => {
    const logged: string[] = []
    const player = createChimePlayer((m) => logged.push(m), 2000, 'linux')
    expect(() => player.play('/nonexistent/start.wav')).not.toThrow()
    const none = createChimePlayer((m) => logged.push(m), 2000, 'aix' as NodeJS.Platform)
    expect(() => none.play('/nonexistent/start.wav')).not.toThrow()
    await new Promise((r) => setTimeout(r, 300)) // let a failing player exit: no unhandled error may follow
  })
})
