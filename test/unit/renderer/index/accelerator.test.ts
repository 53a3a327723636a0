import { describe, expect, it } from 'vitest'
import { acceleratorFrom } from '../../../../src/renderer/src/index/settings/accelerator'

const press = (code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: '',
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods
})

describe('recording a hotkey', () => {
  it('names the combination as an Electron accelerator, by physical key', () => {
    expect(acceleratorFrom(press('KeyK', { ctrlKey: true, shiftKey: true }))).toBe('CommandOrControl+Shift+K')
    expect(acceleratorFrom(press('Digit1', { altKey: true, shiftKey: true }))).toBe('Alt+Shift+1')
    expect(acceleratorFrom(press('Space', { metaKey: true }))).toBe('CommandOrControl+Space')
    expect(acceleratorFrom(press('ArrowUp', { ctrlKey: true }))).toBe('CommandOrControl+Up')
  })

  it('waits while only modifiers are held, and refuses a bare letter but allows a bare function key', () => {
    expect(acceleratorFrom(press('ShiftLeft', { shiftKey: true }))).toBeNull()
    expect(acceleratorFrom(press('KeyA'))).toBeNull()
    expect(acceleratorFrom(press('F9'))).toBe('F9')
  })
})
