import { describe, expect, it } from 'vitest'
import { applyCommandLineSwitches, mergeFeatures } from '../../../src/main/app/command-line-switches'

function commandLine(initial: Record<string, string> = {}) {
  const appended: Array<[string, string | undefined]> = []
  return {
    appended,
    getSwitchValue: (name: string) => initial[name] ?? '',
    appendSwitch: (name: string, value?: string) => void appended.push([name, value])
  }
}

describe('command-line switches', () => {
  it('merges every enable-features request into one switch, keeping the user’s own', () => {
    const cl = commandLine({ 'enable-features': 'UseOzonePlatform,WaylandWindowDecorations' })
    applyCommandLineSwitches(cl, 'linux')
    expect(cl.appended).toEqual([
      ['enable-features', 'UseOzonePlatform,WaylandWindowDecorations,GlobalShortcutsPortal']
    ])
  })

  it('adds GlobalShortcutsPortal on Linux once, and nothing elsewhere', () => {
    const linux = commandLine({ 'enable-features': 'GlobalShortcutsPortal' })
    applyCommandLineSwitches(linux, 'linux')
    expect(linux.appended).toEqual([['enable-features', 'GlobalShortcutsPortal']])
    const mac = commandLine()
    applyCommandLineSwitches(mac, 'darwin')
    expect(mac.appended).toEqual([])
  })

  it('dedupes and drops blanks', () => {
    expect(mergeFeatures('A, B,,A', ['B', 'C', ' '])).toBe('A,B,C')
  })
})
