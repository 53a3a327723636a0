import { bytesPerSecond, SPEECH_PCM, type PcmFormat } from './pcm-format'

/** A canonical 44-byte RIFF/WAVE header for `dataBytes` of PCM. */
export function wavHeader(dataBytes: number, f: PcmFormat = SPEECH_PCM): Buffer {
  if (!Number.isInteger(dataBytes) || dataBytes < 0 || dataBytes > 0xffffffff - 36) {
    throw new RangeError(`WAV data size out of range: ${dataBytes}`)
  }
  const blockAlign = (f.channels * f.bitsPerSample) / 8
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + dataBytes, 4)
  h.write('WAVE', 8, 'ascii')
  h.write('fmt ', 12, 'ascii')
  h.writeUInt32LE(16, 16) // fmt chunk size
  h.writeUInt16LE(1, 20) // PCM
  h.writeUInt16LE(f.channels, 22)
  h.writeUInt32LE(f.sampleRate, 24)
  h.writeUInt32LE(bytesPerSecond(f), 28)
  h.writeUInt16LE(blockAlign, 32)
  h.writeUInt16LE(f.bitsPerSample, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(dataBytes, 40)
  return h
}

/** Wraps raw PCM in a WAV file; a trailing odd byte is dropped so samples stay whole. */
export function encodeWav(pcm: Buffer, f: PcmFormat = SPEECH_PCM): Buffer {
  const blockAlign = (f.channels * f.bitsPerSample) / 8
  const whole = pcm.subarray(0, pcm.length - (pcm.length % blockAlign))
  return Buffer.concat([wavHeader(whole.length, f), whole])
}
