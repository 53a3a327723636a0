import { execFile } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeLlm } from '../fake-llm'
import { installSpeech } from '../fake-llm/speech'
import { createEspeakEngine } from '../../src/main/engine/speech/espeak-engine'
import { createFestivalEngine } from '../../src/main/engine/speech/festival-engine'
import { ProviderEngine } from '../../src/main/engine/speech/provider-engine'
import { findWavPlayer } from '../../src/main/engine/speech/wav-player'
import type { WavTtsEngine } from '../../src/main/engine/speech/wav-tts-engine'
import { soundMs, startCapture, type Capture } from '../support/pulse'

/**
 * A system voice keeps a player connected to the sound server ahead of its
 * audio, as it keeps the synthesiser started ahead of the text: the player's
 * start-up and connection are then off the path to the first sound. What is
 * checked is the connection itself, as PulseAudio lists it, not a timing.
 */

let capture: Capture | null = null
afterEach(async () => {
  await capture?.stop()
  capture = null
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Hark's speech streams PulseAudio has open now (paplay names them hark /
 * speech). Engines of earlier tests keep theirs until idle, so counts are relative.
 */
function speechStreams(): Promise<number> {
  return new Promise((resolve, reject) =>
    execFile('pactl', ['list', 'sink-inputs'], { timeout: 5000 }, (err, out) =>
      err ? reject(new Error(`pactl failed: ${err.message}`)) : resolve(out.split('media.name = "speech"').length - 1)
    )
  )
}

async function waitForStreams(count: number, timeoutMs = 8000): Promise<number> {
  const deadline = performance.now() + timeoutMs
  let seen = await speechStreams()
  while (seen !== count && performance.now() < deadline) {
    await sleep(100)
    seen = await speechStreams()
  }
  return seen
}

describe.each<[string, () => WavTtsEngine]>([
  ['espeak-ng', createEspeakEngine],
  ['festival', createFestivalEngine]
])('%s keeps a player waiting', (_name, create) => {
  it('is connected to the sound server once warmed, before there is anything to say', async () => {
    expect(findWavPlayer()?.cmd).toBe('paplay')
    const before = await speechStreams()
    create().warm({})
    expect(await waitForStreams(before + 1)).toBe(before + 1)
  })

  it('speaks through the waiting player, and one waits again for the next sentence', async () => {
    const before = await speechStreams()
    const engine = create()
    engine.warm({})
    expect(await waitForStreams(before + 1)).toBe(before + 1)
    capture = await startCapture()
    await engine.speak('The first sentence is spoken by the player that waited.', {
      signal: new AbortController().signal
    })
    await sleep(200)
    const rec = await capture.stop()
    capture = null
    expect(soundMs(rec)).toBeGreaterThan(1000)
    expect(await waitForStreams(before + 1)).toBe(before + 1)
  })
})

describe('the provider voice keeps a player waiting', () => {
  it('is connected once warmed, and plays the first answer through it', async () => {
    const fake = await startFakeLlm()
    try {
      const speech = installSpeech(fake, { realtime: 4 })
      const engine = new ProviderEngine({ baseUrl: fake.url, apiKey: 'k', model: 'tts', voice: 'en', format: 'pcm' })
      const before = await speechStreams()
      engine.warm()
      expect(await waitForStreams(before + 1)).toBe(before + 1)
      expect(speech.calls).toHaveLength(0)
      capture = await startCapture()
      await engine.speak('Spoken through the player that waited.', { signal: new AbortController().signal })
      await sleep(200)
      const rec = await capture.stop()
      capture = null
      expect(soundMs(rec)).toBeGreaterThan(800)
      expect(await waitForStreams(before + 1)).toBe(before + 1)
    } finally {
      await fake.close()
    }
  })
})
