import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WarmPlayer } from '../../../../src/main/engine/speech/warm-player'

const format = { rate: 22050, channels: 1 }
let dir: string
let path: string | undefined

// A stand-in paplay that records its pid and waits, as a player connected ahead of its audio does.
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-warm-player-'))
  const script = join(dir, 'paplay')
  writeFileSync(script, `#!/bin/sh\necho $$ >> "${join(dir, 'pids')}"\nexec sleep 30\n`)
  chmodSync(script, 0o755)
  path = process.env.PATH
  process.env.PATH = `${dir}:${path}`
})
afterEach(() => {
  process.env.PATH = path
  for (const pid of startedPids()) kill(pid)
  rmSync(dir, { recursive: true, force: true })
})

const startedPids = (): number[] => {
  try {
    return readFileSync(join(dir, 'pids'), 'utf8').split('\n').filter(Boolean).map(Number)
  } catch {
    return []
  }
}
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
const kill = (pid: number): void => void (alive(pid) && process.kill(pid, 'SIGKILL'))

async function until(what: string, holds: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!holds()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('WarmPlayer', () => {
  it('hands over the waiting player and keeps a fresh one waiting for the next utterance', async () => {
    const warm = new WarmPlayer({ cmd: 'paplay', args: [] })
    warm.warm(format)
    await until('the first player started', () => startedPids().length === 1)
    const taken = warm.take(format, new AbortController().signal)
    expect(taken?.pid).toBeGreaterThan(0)
    await until('a second player waits', () => startedPids().length === 2)
    expect(startedPids().every(alive)).toBe(true)
    taken?.kill('SIGKILL')
  })

  it('lets the player warmed for the next utterance go when this one is stopped: nothing of the voice stays', async () => {
    const warm = new WarmPlayer({ cmd: 'paplay', args: [] })
    warm.warm(format)
    await until('the first player started', () => startedPids().length === 1)
    const stop = new AbortController()
    const taken = warm.take(format, stop.signal)
    await until('a second player waits', () => startedPids().length === 2)
    stop.abort()
    const [, next] = startedPids()
    await until('the waiting player is gone', () => !alive(next!))
    taken?.kill('SIGKILL')
  })
})
