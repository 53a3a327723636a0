import { describe, expect, it } from 'vitest'
import { desktopSession } from '../../../../src/main/app/platform/desktop-session'

describe('desktopSession', () => {
  it('leaves placement and focus to the compositor on a Linux Wayland session', () => {
    expect(desktopSession({ XDG_SESSION_TYPE: 'wayland' }, 'linux')).toEqual({ wayland: true, managesWindows: false })
    expect(desktopSession({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux').managesWindows).toBe(false)
  })

  it('manages its own windows on X11, macOS and Windows', () => {
    expect(desktopSession({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, 'linux')).toEqual({
      wayland: false,
      managesWindows: true
    })
    expect(desktopSession({ WAYLAND_DISPLAY: 'wayland-0' }, 'darwin').managesWindows).toBe(true)
    expect(desktopSession({}, 'win32').managesWindows).toBe(true)
  })
})
