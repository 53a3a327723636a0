import { EventEmitter } from 'node:events'
import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { displayLevel, rms } from '../../../../src/main/engine/voice/level-meter'
import { createChimePlayer, type ChimeSystem } from '../../../../src/main/engine/voice/chime-player'
import { silence, tone } from './pcm-fixtures'

describe('level meter', () => {
  it('measures RMS of s16le audio', () => {
    expect(rms(silence(100))).toBe(0)
    expect(rms(tone(100, 0.5))).toBeCloseTo(0.5 / Math.SQRT2, 2)
    expect(rms(Buffer.alloc(1))).toBe(0) // half a sample is no sample
  })

  it('maps -60..0 dBFS onto 0..1 for the indicator', () => {
    expect(displayLevel(0)).toBe(0)
    expect(displayLevel(0.001)).toBeCloseTo(0, 5) // -60 dBFS
    expect(displayLevel(0.0316)).toBeCloseTo(0.5, 1) // -30 dBFS
    expect(displayLevel(1)).toBe(1)
    expect(displayLevel(2)).toBe(1)
  })
})

describe('chime player', () => {
  it('never throws, whatever the player makes of the file', async () => {
    const logged: string[] = []
    const player = createChimePlayer((m) => logged.push(m), 2000, 'linux')
    expect(() => player.play('/nonexistent/start.wav')).not.toThrow()
    const none = createChimePlayer((m) => logged.push(m), 2000, 'aix' as NodeJS.Platform)
    expect(() => none.play('/nonexistent/start.wav')).not.toThrow()
    await new Promise((r) => setTimeout(r, 300)) // let a failing player exit: no unhandled error may follow
  })
})

function recordingSystem() {
  const spawned: Array<{ cmd: string; args: string[]; opts: SpawnOptions; child: EventEmitter }> = []
  const system: ChimeSystem = {
    onPath: () => true,
    spawn: (cmd, args, opts) => {
      const child = new EventEmitter()
      spawned.push({ cmd, args, opts, child })
      return child as ChildProcess
    }
  }
  return { spawned, system }
}

describe('chime player on Windows', () => {
  const hostile = String.raw`C:\chimes\x'; Remove-Item -Recurse C:\ ; $(calc).wav`

  it('keeps the PowerShell script constant and hands the path over in the environment', () => {
    const { spawned, system } = recordingSystem()
    createChimePlayer(() => {}, 2000, 'win32', system).play(hostile)
    expect(spawned).toHaveLength(1)
    const { cmd, args, opts } = spawned[0]!
    expect(cmd).toBe('powershell')
    expect(args).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      '(New-Object Media.SoundPlayer $env:HARK_CHIME).PlaySync()'
    ])
    expect(args.join(' ')).not.toContain('Remove-Item')
    expect(opts.env?.['HARK_CHIME']).toBe(hostile)
    expect(opts.timeout).toBe(2000)
  })

  it('logs a player that fails to start instead of throwing', () => {
    const { spawned, system } = recordingSystem()
    const logged: string[] = []
    createChimePlayer((m) => logged.push(m), 2000, 'win32', system).play('C:\\chimes\\start.wav')
    spawned[0]!.child.emit('error', new Error('spawn powershell ENOENT'))
    expect(logged).toEqual(['[hark] chime: spawn powershell ENOENT'])
  })
})

describe('chime player elsewhere', () => {
  it('passes the file as a plain argument to paplay', () => {
    const { spawned, system } = recordingSystem()
    createChimePlayer(() => {}, 2000, 'linux', system).play('/tmp/a b;c.wav')
    expect(spawned.map((s) => [s.cmd, s.args])).toEqual([['paplay', ['/tmp/a b;c.wav']]])
  })
})
