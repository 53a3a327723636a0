import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

const spawned = vi.hoisted(() => [] as Array<{ cmd: string; args: string[]; opts: Record<string, unknown> }>)
vi.mock('node:child_process', () => ({
  spawn: (cmd: string, args: string[], opts: Record<string, unknown>) => {
    spawned.push({ cmd, args, opts })
    return { pid: 1 }
  }
}))

const { ProgramMissingError, spawnProgram } = await import('../../../../src/main/engine/platform/spawn-program')
const { SUPERVISED_ENV } = await import('../../../../src/main/engine/platform/child-supervisor')

/** What spawnProgram started, without the supervisor shell it starts on first use. */
const programs = (): typeof spawned => spawned.filter((s) => s.cmd !== '/bin/sh')

const dir = mkdtempSync(join(tmpdir(), 'hark-spawn-'))
writeFileSync(join(dir, 'sox'), '#!/bin/sh\n')
chmodSync(join(dir, 'sox'), 0o755)
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => void spawned.splice(0))

describe('spawnProgram', () => {
  it('spawns the absolute path it found, not the bare name a different PATH would resolve', () => {
    spawnProgram('sox', ['-q'], { env: { PATH: `/nonexistent:${dir}` }, platform: 'linux' })
    expect(programs()).toEqual([expect.objectContaining({ cmd: join(dir, 'sox'), args: ['-q'] })])
  })

  it('starts the program supervised: in a process group of its own, its environment marked for the supervisor', () => {
    spawnProgram('sox', [], { env: { PATH: dir }, platform: 'linux' })
    expect(programs()[0]!.opts).toMatchObject({ detached: true, env: { [SUPERVISED_ENV]: expect.any(String) } })
  })

  it('never opens a console window and never uses a shell, whatever the caller asked', () => {
    const opts = { env: { PATH: dir }, platform: 'linux' as const, windowsHide: false, shell: true }
    spawnProgram('sox', [], opts as Parameters<typeof spawnProgram>[2])
    expect(programs()[0]!.opts).toMatchObject({ windowsHide: true, shell: false, env: { PATH: dir } })
    expect(programs()[0]!.opts).not.toHaveProperty('platform')
  })

  it('throws ProgramMissingError without spawning when the program is nowhere', () => {
    expect(() => spawnProgram('sox', [], { env: { PATH: '/nonexistent' }, platform: 'linux' })).toThrow(
      ProgramMissingError
    )
    expect(spawned).toHaveLength(0)
  })
})
