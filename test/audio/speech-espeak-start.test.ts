import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEspeakEngine } from '../../src/main/engine/speech/espeak-engine'
import { findOnPath } from '../../src/main/engine/platform/find-on-path'
import { SpeechQueue } from '../../src/main/engine/speech/speech-queue'
import { firstSoundAfter, startCapture, type Capture } from '../support/pulse'

/**
 * espeak-ng is started ahead of the text (and a player connected ahead of the
 * audio), so its start-up is off the path to the first sound. Which process
 * spoke is observed directly: espeak-ng is reached through a wrapper on PATH
 * that logs each start before running the real one.
 */

const SENTENCE = 'Paris is the capital of France.'

let dir = ''
let log = ''
let savedPath = ''
let capture: Capture | null = null

beforeAll(() => {
  const real = findOnPath('espeak-ng')
  if (!real) throw new Error('espeak-ng is not installed: apt-get install -y espeak-ng')
  dir = mkdtempSync(join(tmpdir(), 'hark-espeak-'))
  log = join(dir, 'starts.log')
  writeFileSync(log, '')
  const wrapper = join(dir, 'espeak-ng')
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`)
  chmodSync(wrapper, 0o755)
  savedPath = process.env['PATH'] ?? ''
  process.env['PATH'] = `${dir}:${savedPath}`
})

afterAll(() => {
  process.env['PATH'] = savedPath
  rmSync(dir, { recursive: true, force: true })
})

afterEach(async () => {
  await capture?.stop()
  capture = null
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const starts = (): number => readFileSync(log, 'utf8').split('\n').filter(Boolean).length

async function waitForStarts(count: number, timeoutMs = 5000): Promise<number> {
  const deadline = performance.now() + timeoutMs
  while (starts() < count && performance.now() < deadline) await sleep(20)
  return starts()
}

/** Speaks SENTENCE through a queue; returns how many espeak-ng processes started during it, and the timings. */
async function speakThroughQueue(queue: SpeechQueue): Promise<{ startedDuring: number; startedToSound: number }> {
  let startedAt = NaN
  const off = queue.onEvent((e) => e.state === 'started' && (startedAt = performance.now()))
  capture = await startCapture()
  const before = starts()
  const enqueuedAt = performance.now()
  queue.enqueue({ turnId: 'e', index: 0, text: SENTENCE })
  await queue.idle()
  const startedDuring = starts() - before
  await sleep(200)
  const rec = await capture.stop()
  capture = null
  off()
  const heard = firstSoundAfter(rec, enqueuedAt)
  if (heard === null) throw new Error('espeak-ng was not heard on the sink')
  console.log(
    `[audio] espeak-ng started → sound ${Math.round(heard - startedAt)} ms (enqueue → sound ${Math.round(heard - enqueuedAt)} ms)`
  )
  return { startedDuring, startedToSound: heard - startedAt }
}

/** A queue warmed as a turn warms it, once its synthesiser has started. */
async function warmedQueue(): Promise<SpeechQueue> {
  const queue = new SpeechQueue({ engine: createEspeakEngine() })
  const before = starts()
  queue.warm()
  expect(await waitForStarts(before + 1)).toBe(before + 1)
  await sleep(300) // the model is still thinking
  return queue
}

describe('espeak-ng starts sooner', () => {
  it('speaks the first sentence with the synthesiser started ahead of it, not a new one', async () => {
    const { startedDuring } = await speakThroughQueue(await warmedQueue())
    expect(startedDuring).toBe(0)
  })

  it('starts a synthesiser for the text when none was started ahead (the log sees every start)', async () => {
    const queue = new SpeechQueue({ engine: createEspeakEngine({ warmStart: false }) })
    const { startedDuring } = await speakThroughQueue(queue)
    expect(startedDuring).toBe(1)
  })

  it("'started' comes when the sound does, on the warm path", async () => {
    const { startedDuring, startedToSound } = await speakThroughQueue(await warmedQueue())
    expect(startedDuring).toBe(0)
    // the bounds are the capture's own latency, not a speed target
    expect(startedToSound).toBeLessThan(250)
    expect(startedToSound).toBeGreaterThan(-50)
  })
})
