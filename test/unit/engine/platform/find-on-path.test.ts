import { describe, expect, it } from 'vitest'
import { MACOS_TOOL_DIRS, searchPath } from '../../../../src/main/engine/platform/find-on-path'

describe('searchPath', () => {
  it("adds Homebrew's folders on macOS, where a Finder or login launch has launchd's minimal PATH", () => {
    expect(searchPath({ PATH: '/usr/bin:/bin:/usr/sbin:/sbin' }, 'darwin')).toEqual([
      '/usr/bin',
      '/bin',
      '/usr/sbin',
      '/sbin',
      '/opt/homebrew/bin',
      '/usr/local/bin'
    ])
  })

  it('keeps the order the user chose and adds no folder twice', () => {
    expect(searchPath({ PATH: '/usr/local/bin:/usr/bin' }, 'darwin')).toEqual([
      '/usr/local/bin',
      '/usr/bin',
      '/opt/homebrew/bin'
    ])
  })

  it('leaves other platforms to their PATH', () => {
    expect(searchPath({ PATH: '/usr/bin:/bin' }, 'linux')).toEqual(['/usr/bin', '/bin'])
    expect(searchPath({ Path: 'C:\\Windows\\System32;C:\\Tools' }, 'win32')).toEqual([
      'C:\\Windows\\System32',
      'C:\\Tools'
    ])
    expect(MACOS_TOOL_DIRS.some((d) => searchPath({ PATH: '' }, 'linux').includes(d))).toBe(false)
  })
})
