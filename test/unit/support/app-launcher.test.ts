import { describe, expect, it } from 'vitest'
import { launcherKind } from '../../support/app-launcher'

describe('which Electron the e2e suite runs', () => {
  it('is the harness by default, even when an Electron binary is installed', () => {
    expect(launcherKind({}, true)).toBe('harness')
    expect(launcherKind({ HARK_ELECTRON: '0' }, true)).toBe('harness')
    expect(launcherKind({ HARK_ELECTRON: 'yes' }, true)).toBe('harness')
  })

  it('is real Electron only when HARK_ELECTRON=1 asks for it', () => {
    expect(launcherKind({ HARK_ELECTRON: '1' }, true)).toBe('electron')
  })

  it('fails at once, saying what to do, when HARK_ELECTRON=1 finds no binary', () => {
    expect(() => launcherKind({ HARK_ELECTRON: '1' }, false)).toThrow(/not installed.*npx install-electron/)
  })
})
