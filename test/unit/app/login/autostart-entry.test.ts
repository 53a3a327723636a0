import { describe, expect, it } from 'vitest'
import { autostartEntry, autostartFile, desktopExecArg } from '../../../../src/main/app/login/autostart-entry'

describe('the Linux autostart entry', () => {
  it('leaves plain paths alone', () => {
    expect(desktopExecArg('/opt/Hark/hark')).toBe('/opt/Hark/hark')
    expect(desktopExecArg('--hidden')).toBe('--hidden')
  })

  it('quotes spaces and escapes the reserved characters twice, as the spec asks', () => {
    expect(desktopExecArg('/home/me/My Apps/hark')).toBe('"/home/me/My Apps/hark"')
    expect(desktopExecArg('a"b$c`d')).toBe('"a\\\\"b\\\\$c\\\\`d"')
  })

  it('doubles percent signs so they are not field codes', () => {
    expect(desktopExecArg('/tmp/100%')).toBe('/tmp/100%%')
  })

  it('keeps newlines out of the Exec line', () => {
    expect(desktopExecArg('a\nX-Evil=1')).not.toContain('\n')
  })

  it('writes a desktop entry that starts Hark hidden', () => {
    const entry = autostartEntry(['/usr/bin/electron', '/srv/hark app', '--hidden'])
    expect(entry).toMatch(/^\[Desktop Entry\]\n/)
    expect(entry).toContain('Exec=/usr/bin/electron "/srv/hark app" --hidden\n')
    expect(entry).toContain('Type=Application')
  })

  it('lives in XDG_CONFIG_HOME/autostart', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/autostart/hark.desktop')
  })
})
