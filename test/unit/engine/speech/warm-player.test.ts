import type { ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WarmPlayer } from '../../../../src/main/engine/speech/warm-player'
import { WavTtsEngine } from '../../../../src/main/engine/speech/wav-tts-engine'
import { makeWav, paddedTone } from './wav-fixture'

/** Every process the speech code starts, in order, with the moments sound started between them. */
const log = vi.hoisted(() => ({ steps: [] as string[], children: [] as ChildProcess[] }))
vi.mock('../../../../src/main/engine/speech/run-process', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../src/main/engine/speech/run-process')>()
  return {
    ...real,
    startProcess: (cmd: string, args: string[]) => {
      const child = real.startProcess(cmd, args)
      log.steps.push(`start ${cmd}`)
      log.children.push(child)
      return child
    }
  }
})

const format = { rate: 16_000, channels: 1 }
const player = { cmd: 'paplay', args: [] }
let dir: string
let path: string | undefined

// Stand-ins on PATH: a paplay that plays (swallows) what it is given, a synthesiser that reads its text and writes a WAV.
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-warm-player-'))
  const wav = join(dir, 'tone.wav')
  writeFileSync(wav, makeWav(paddedTone(0.05, 0.3, 0.05)))
  writeFileSync(join(dir, 'paplay'), '#!/bin/sh\nexec cat > /dev/null\n')
  writeFileSync(join(dir, 'hark-fake-synth'), `#!/bin/sh\ncat > /dev/null\nexec cat "${wav}"\n`)
  chmodSync(join(dir, 'paplay'), 0o755)
  chmodSync(join(dir, 'hark-fake-synth'), 0o755)
  path = process.env.PATH
  process.env.PATH = `${dir}:${path}`
  log.steps.length = 0
  log.children.length = 0
})
afterEach(() => {
  process.env.PATH = path
  log.children.forEach((c) => c.kill('SIGKILL'))
  rmSync(dir, { recursive: true, force: true })
})

const alive = (c: ChildProcess): boolean => c.exitCode === null && c.signalCode === null
async function until(what: string, holds: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!holds()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function* pieces(): AsyncGenerator<Buffer> {
  yield Buffer.alloc(3200)
}

const synth = {
  name: 'fake-synth',
  binary: 'hark-fake-synth',
  missingHint: '',
  args: () => [],
  canSpeak: () => true,
  warmStart: true,
  format
}

describe('WarmPlayer', () => {
  it('plays through the player that waited, and warms the next one once sound has started', async () => {
    const warm = new WarmPlayer(player)
    warm.warm(format)
    await warm.play(format, pieces(), new AbortController().signal, () => log.steps.push('sound'))
    expect(log.steps).toEqual(['start paplay', 'sound', 'start paplay'])
    expect(alive(log.children[1]!)).toBe(true)
  })

  it('warms none for an utterance stopped as it starts to sound', async () => {
    const warm = new WarmPlayer(player)
    const stop = new AbortController()
    await expect(warm.play(format, pieces(), stop.signal, () => stop.abort())).rejects.toThrow(/stopped/)
    expect(log.steps).toEqual(['start paplay'])
  })

  it('release() lets the waiting player go', async () => {
    const warm = new WarmPlayer(player)
    warm.warm(format)
    warm.release()
    await until('the waiting player is gone', () => !alive(log.children[0]!))
  })
})

describe('a system voice with warm processes', () => {
  it('starts the next sentence’s player after the first sound, not on its path', async () => {
    const engine = new WavTtsEngine(synth, { findPlayer: () => player, trimSilence: false })
    engine.warm({})
    await engine.speak('Hello there.', { signal: new AbortController().signal, onSound: () => log.steps.push('sound') })
    expect(log.steps).toEqual(['start paplay', 'start hark-fake-synth', 'sound', 'start paplay'])
  })

  it('release() lets its waiting synthesiser and player go', async () => {
    const engine = new WavTtsEngine(synth, { findPlayer: () => player })
    engine.warm({})
    expect(log.children.map(alive)).toEqual([true, true])
    engine.release()
    await until('nothing waits', () => !log.children.some(alive))
  })
})
