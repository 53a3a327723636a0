import { afterEach, describe, expect, it, vi } from 'vitest'

const electronApp = vi.hoisted(() => ({ isPackaged: false, getAppPath: () => '/home/me/hark' }))
vi.mock('electron', () => ({ app: electronApp }))

import { appCommand, commandLine } from '../../../../src/main/app/platform/app-command'

afterEach(() => {
  electronApp.isPackaged = false
  delete process.env['APPIMAGE']
})

describe('the command that starts this Hark', () => {
  it('is Electron plus the app folder from a checkout', () => {
    expect(appCommand(['--toggle-talk'])).toEqual([process.execPath, '/home/me/hark', '--toggle-talk'])
  })

  it('is the AppImage file, not its vanishing mount, when Hark runs as an AppImage', () => {
    electronApp.isPackaged = true
    process.env['APPIMAGE'] = '/home/me/Apps/Hark-0.1.0.AppImage'
    expect(appCommand(['--quick-prompt'])).toEqual(['/home/me/Apps/Hark-0.1.0.AppImage', '--quick-prompt'])
  })

  it('reads back as the same words when a desktop splits it like a shell', () => {
    expect(commandLine(['/opt/Hark/hark', '--toggle-talk'])).toBe('/opt/Hark/hark --toggle-talk')
    expect(commandLine(["/home/me/My Apps/it's/hark", '--quick-prompt'])).toBe(
      `'/home/me/My Apps/it'\\''s/hark' --quick-prompt`
    )
  })
})
