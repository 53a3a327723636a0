import { describe, expect, it } from 'vitest'
import { fixWavSizes, wavSeconds } from '../../../../src/main/engine/speech/wav-player'
import { KEEP_LEAD_MS, KEEP_TAIL_MS } from '../../../../src/main/engine/speech/silence'
import { trimWavSilence } from '../../../../src/main/engine/speech/wav-trim'
import { makeWav, paddedTone } from './wav-fixture'

describe('WAV from a pipe', () => {
  it.each([
    ['text2wave (sizes left 0)', 0],
    ['espeak-ng (huge placeholder)', 0x7ffff024]
  ])('gets its real sizes back: %s', (_name, placeholder) => {
    const wav = fixWavSizes(makeWav(new Int16Array(16000), placeholder))
    expect(wav.readUInt32LE(4)).toBe(32000 + 36)
    expect(wav.readUInt32LE(40)).toBe(32000)
    expect(wavSeconds(wav)).toBe(1)
  })

  it('leaves anything that is not a WAV alone', () => {
    const notWav = Buffer.from('hello world, definitely not a RIFF file at all....')
    expect(fixWavSizes(Buffer.from(notWav))).toEqual(notWav)
    expect(wavSeconds(notWav)).toBeNull()
  })
})

describe('trimWavSilence', () => {
  it('cuts long leading and trailing silence down to a short pause', () => {
    const trimmed = trimWavSilence(makeWav(paddedTone(0.5, 1, 0.8), 0))
    expect(wavSeconds(trimmed)).toBeCloseTo(1 + (KEEP_LEAD_MS + KEEP_TAIL_MS) / 1000, 2)
    expect(trimmed.readUInt32LE(40)).toBe(trimmed.length - 44)
    expect(trimmed.readUInt32LE(4)).toBe(trimmed.length - 8)
  })

  it('keeps audio that has no padding, and all-silent audio, as it is', () => {
    const tight = makeWav(paddedTone(0, 1, 0))
    expect(wavSeconds(trimWavSilence(tight))).toBeCloseTo(1, 3)
    const silent = makeWav(new Int16Array(8000))
    expect(trimWavSilence(silent)).toBe(silent)
  })
})
