import { describe, expect, it } from 'vitest'
import { encodeWav, wavHeader } from '../../../../src/main/engine/voice/wav'
import { pcmDurationMs } from '../../../../src/main/engine/voice/pcm-format'
import { tone } from './pcm-fixtures'

describe('wav', () => {
  it('writes a 44-byte header with the real RIFF and data sizes', () => {
    const pcm = tone(500)
    const wav = encodeWav(pcm)
    expect(wav.length).toBe(44 + pcm.length)
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8)
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ')
    expect(wav.readUInt16LE(20)).toBe(1) // PCM
    expect(wav.readUInt16LE(22)).toBe(1) // mono
    expect(wav.readUInt32LE(24)).toBe(16_000)
    expect(wav.readUInt32LE(28)).toBe(32_000) // byte rate
    expect(wav.readUInt16LE(32)).toBe(2) // block align
    expect(wav.readUInt16LE(34)).toBe(16)
    expect(wav.toString('ascii', 36, 40)).toBe('data')
    expect(wav.readUInt32LE(40)).toBe(pcm.length)
    expect(wav.subarray(44).equals(pcm)).toBe(true)
  })

  it('drops a dangling half sample so the data stays whole samples', () => {
    const wav = encodeWav(Buffer.alloc(101))
    expect(wav.readUInt32LE(40)).toBe(100)
    expect(wav.length).toBe(144)
  })

  it('handles an empty recording and refuses impossible sizes', () => {
    expect(encodeWav(Buffer.alloc(0)).readUInt32LE(4)).toBe(36)
    expect(() => wavHeader(-1)).toThrow(RangeError)
    expect(() => wavHeader(0x7ffffff0 * 2)).toThrow(RangeError)
  })

  it('knows how long 16 kHz mono audio is', () => {
    expect(pcmDurationMs(32_000)).toBe(1000)
    expect(pcmDurationMs(tone(250).length)).toBe(250)
  })
})
