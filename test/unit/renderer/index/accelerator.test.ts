import { describe, expect, it } from 'vitest'
import { acceleratorFrom, acceleratorLabel } from '../../../../src/renderer/src/index/settings/accelerator'

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

describe('writing a hotkey for people', () => {
  it('writes Ctrl and plus signs on Linux and Windows', () => {
    expect(acceleratorLabel('CommandOrControl+Shift+Space', false)).toBe('Ctrl+Shift+Space')
    expect(acceleratorLabel('Alt+F9', false)).toBe('Alt+F9')
  })

  it('writes the modifier symbols run together on macOS', () => {
    expect(acceleratorLabel('CommandOrControl+Shift+Space', true)).toBe('⌘⇧Space')
    expect(acceleratorLabel('Alt+Shift+K', true)).toBe('⌥⇧K')
  })

  it('keeps a plus key, and writes nothing for no hotkey', () => {
    expect(acceleratorLabel('CommandOrControl+Shift++', false)).toBe('Ctrl+Shift++')
    expect(acceleratorLabel('', true)).toBe('')
  })
})
