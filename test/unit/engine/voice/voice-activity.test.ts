import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VoiceActivityDetector, type VadVerdict } from '../../../../src/main/engine/voice/voice-activity'
import { chunks, hiss, silence, tone } from './pcm-fixtures'

function run(vad: VoiceActivityDetector, pcm: Buffer): { verdict: VadVerdict; atMs: number } {
  let fed = 0
  for (const c of chunks(pcm, 1000)) {
    fed += c.length
    const verdict = vad.feed(c)
    if (verdict) return { verdict, atMs: (fed / 32_000) * 1000 }
  }
  return { verdict: null, atMs: (fed / 32_000) * 1000 }
}

describe('VoiceActivityDetector', () => {
  it('ends speech after the configured trailing silence', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 800, noSpeechMs: 5000 })
    const r = run(vad, Buffer.concat([silence(300), tone(1000), silence(2000)]))
    expect(r.verdict).toBe('speech-end')
    // speech stopped at 1300 ms; the verdict comes ~800 ms later
    expect(r.atMs).toBeGreaterThanOrEqual(2080)
    expect(r.atMs).toBeLessThan(2200)
    expect(vad.speechStartMs).toBeGreaterThanOrEqual(280)
    expect(vad.speechStartMs).toBeLessThanOrEqual(320)
    expect(vad.speechEndMs).toBeCloseTo(1300, -2)
  })

  it('keeps listening through pauses shorter than the silence setting', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 1000, noSpeechMs: 5000 })
    const r = run(vad, Buffer.concat([silence(300), tone(500), silence(700), tone(500), silence(700)]))
    expect(r.verdict).toBeNull()
    expect(vad.voicedMs).toBeGreaterThanOrEqual(900)
  })

  it('says no-speech when nobody talks, and treats a quiet room as silence', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 800, noSpeechMs: 3000 })
    const r = run(vad, hiss(4000, 0.004))
    expect(r.verdict).toBe('no-speech')
    expect(r.atMs).toBeGreaterThanOrEqual(3000)
    expect(vad.heardSpeech).toBe(false)
  })

  it('does not take a 100 ms click or chime for speech', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 800, noSpeechMs: 2000 })
    const r = run(vad, Buffer.concat([tone(100, 0.5, 880), silence(2500)]))
    expect(r.verdict).toBe('no-speech')
  })

  it("does not take Hark's own chimes for speech, however they fall across its frames", () => {
    for (const name of ['start', 'stop']) {
      const wav = readFileSync(resolve(__dirname, `../../../../resources/chimes/${name}.wav`))
      const pcm = wav.subarray(wav.indexOf('data') + 8)
      for (let offsetMs = 0; offsetMs < 20; offsetMs++) {
        const vad = new VoiceActivityDetector({ silenceMs: 800, noSpeechMs: 2000 })
        const r = run(vad, Buffer.concat([silence(offsetMs), pcm, silence(2500)]))
        expect({ name, offsetMs, verdict: r.verdict }).toEqual({ name, offsetMs, verdict: 'no-speech' })
      }
    }
  })

  it('dates speech from a short first word that ran out before the onset, so its start is not cut', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 800, noSpeechMs: 5000 })
    const r = run(vad, Buffer.concat([silence(300), tone(100), silence(80), tone(600), silence(1000)]))
    expect(r.verdict).toBe('speech-end')
    expect(vad.speechStartMs).toBeGreaterThanOrEqual(280)
    expect(vad.speechStartMs).toBeLessThanOrEqual(320)
    expect(vad.voicedMs).toBeGreaterThanOrEqual(680)
  })

  it('learns a noisy background and still hears a voice above it', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 600, noSpeechMs: 10_000 })
    const noisy = hiss(1500, 0.03)
    const r = run(vad, Buffer.concat([noisy, tone(800, 0.4), hiss(1500, 0.03, 7)]))
    expect(r.verdict).toBe('speech-end')
    expect(vad.speechStartMs).toBeGreaterThanOrEqual(1400)
  })

  it('reports the latest level for the meter', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 800, noSpeechMs: 5000 })
    vad.feed(tone(100, 0.5))
    expect(vad.level).toBeGreaterThan(0.3)
    vad.feed(silence(100))
    expect(vad.level).toBe(0)
  })
})

describe('VoiceActivityDetector when the user talks at once', () => {
  it('still hears speech that starts during the room calibration', () => {
    const vad = new VoiceActivityDetector({ silenceMs: 600, noSpeechMs: 5000 })
    const r = run(vad, Buffer.concat([tone(1000, 0.2), silence(1000)]))
    expect(r.verdict).toBe('speech-end')
  })
})
