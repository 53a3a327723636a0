import { describe, expect, it } from 'vitest'
import { supervisorCommand } from '../../../../src/main/engine/platform/supervisor-command'

const token = 'token-1'

describe('supervisorCommand', () => {
  it('on Linux, runs the shell supervisor that finds marked processes in /proc', () => {
    const { command, args } = supervisorCommand('linux', token, '/usr/bin/node', {})
    expect(command).toBe('/bin/sh')
    expect(args.slice(-2)).toEqual([token, ''])
    expect(args[1]).toContain('/proc/[0-9]*/environ')
  })

  it('on macOS and other Unixes, which have no /proc, finds them with ps showing environments', () => {
    for (const platform of ['darwin', 'freebsd'] as const) {
      const { command, args } = supervisorCommand(platform, token, '/usr/bin/node', {})
      expect(command).toBe('/bin/sh')
      expect(args.slice(-2)).toEqual([token, '-E'])
    }
  })

  it('on Windows, runs a Node script with Electron as Node, ending trees with the system taskkill', () => {
    const electron = 'C:\\Program Files\\Hark\\Hark.exe'
    const { command, args, env } = supervisorCommand('win32', token, electron, { SystemRoot: 'D:\\Win' })
    expect(command).toBe(electron)
    expect(args[0]).toBe('-e')
    expect(args[2]).toBe('D:\\Win\\System32\\taskkill.exe')
    expect(env).toEqual({ ELECTRON_RUN_AS_NODE: '1' })
  })

  it('on Windows without SystemRoot, still names taskkill by an absolute path', () => {
    expect(supervisorCommand('win32', token, 'node.exe', {}).args[2]).toBe('C:\\Windows\\System32\\taskkill.exe')
  })
})
