import { afterEach, describe, expect, it } from 'vitest'
import { createSpeechControl } from '../../src/main/app/speech/create-speech-control'
import { createFestivalEngine } from '../../src/main/engine/speech/festival-engine'
import { SpeechQueue } from '../../src/main/engine/speech/speech-queue'
import { defaultSettings } from '../../src/shared/settings'
import { descendants } from '../support/process-tree'
import { soundMs, startCapture, type Capture } from '../support/pulse'

/**
 * Nothing of the voice outlives its use, checked on the real processes: a
 * warm festival (about 320 MB) and a player holding a PulseAudio stream are
 * gone after Stop and after an answer, well before their 30 s idle limit.
 */

const voiceProcess = /^(festival|text2wave|paplay|aplay|espeak-ng)$/
/** shorter than the warm processes' own idle limit (30 s), so only a release passes */
const GONE_WITHIN_MS = 10_000

let capture: Capture | null = null
let stopQueue: (() => void) | null = null
afterEach(async () => {
  stopQueue?.()
  stopQueue = null
  await capture?.stop()
  capture = null
})

const voiceProcesses = (): string[] =>
  descendants(process.pid)
    .filter((p) => voiceProcess.test(p.command))
    .map((p) => `${p.command} ${p.pid}`)

async function until(what: string, holds: () => boolean, timeoutMs = GONE_WITHIN_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!holds()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting until ${what}; running: ${voiceProcesses().join(', ')}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const nothingOfTheVoice = (): boolean => voiceProcesses().length === 0
const warmVoiceRuns = (): boolean => {
  const names = voiceProcesses().map((p) => p.split(' ')[0])
  return names.includes('paplay') && names.some((n) => n === 'festival' || n === 'text2wave')
}

function festivalQueue(releaseAfterIdleMs?: number): SpeechQueue {
  const queue = new SpeechQueue({ engine: createFestivalEngine(), releaseAfterIdleMs })
  stopQueue = () => queue.stop()
  return queue
}

describe('the voice lets its processes go', () => {
  it('after Stop while the model is still thinking', async () => {
    expect(nothingOfTheVoice()).toBe(true)
    const queue = festivalQueue()
    queue.warm()
    await until('festival and a player wait', warmVoiceRuns)
    queue.stop('t')
    await until('nothing of the voice is left', nothingOfTheVoice)
  })

  it('after Stop between two sentences', async () => {
    const queue = festivalQueue(60_000) // only Stop may release here
    queue.warm()
    queue.enqueue({ turnId: 't', index: 0, text: 'One.' })
    await queue.idle('t')
    await until('a player waits for the next sentence', () => voiceProcesses().some((p) => p.startsWith('paplay')))
    queue.stop('t')
    await until('nothing of the voice is left', nothingOfTheVoice)
  })

  it('a short while after an answer has been spoken', async () => {
    const queue = festivalQueue()
    capture = await startCapture()
    queue.warm()
    queue.enqueue({ turnId: 't', index: 0, text: 'The first sentence.' })
    queue.enqueue({ turnId: 't', index: 1, text: 'And the second.' })
    await queue.idle('t')
    const rec = await capture.stop()
    capture = null
    expect(soundMs(rec)).toBeGreaterThan(800)
    await until('nothing of the voice is left', nothingOfTheVoice)
  })

  it('after Settings replace the voice: the old one’s warm processes go', async () => {
    const speech = { ...defaultSettings().speech, engine: 'festival' as const }
    const control = createSpeechControl(speech, () => {})
    stopQueue = () => control.stop()
    control.sink.warm?.()
    await until('festival and a player wait', warmVoiceRuns)
    control.apply({ ...speech, engine: 'none' })
    await until('nothing of the voice is left', nothingOfTheVoice)
  })
})
