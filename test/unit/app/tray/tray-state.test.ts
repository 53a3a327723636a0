import { describe, expect, it } from 'vitest'
import { trayStateOf } from '../../../../src/main/app/tray/tray-state'

describe('tray state', () => {
  it('is listening while the microphone is open, even as Hark speaks', () => {
    expect(trayStateOf({ listening: true, speaking: true })).toBe('listening')
    expect(trayStateOf({ listening: false, speaking: true })).toBe('speaking')
    expect(trayStateOf({ listening: false, speaking: false })).toBe('idle')
  })
})
