import { TtsError } from './speech-types'
import type { PcmFormat } from './wav-player'

/** A streamed WAV's header is small; more than this before the data means it is not one we can play. */
const MAX_HEADER = 4096

export interface WavStart {
  format: PcmFormat
  /** the offset of the first sample */
  dataStart: number
}

/**
 * Finds the PCM format and where the samples start in the first bytes of a
 * streamed WAV (whose sizes are placeholders). null: not enough bytes yet.
 * Throws a TtsError for anything that is not 16-bit PCM.
 */
export function parseWavStart(head: Buffer): WavStart | null {
  if (head.length < 12) return null
  if (head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE')
    throw new TtsError('speech endpoint sent audio that is not a WAV', 'failed')
  let format: PcmFormat | null = null
  for (let at = 12; at + 8 <= head.length;) {
    const id = head.toString('ascii', at, at + 4)
    const size = head.readUInt32LE(at + 4)
    if (id === 'data') {
      if (!format) throw new TtsError('speech endpoint sent a WAV without a format', 'failed')
      return { format, dataStart: at + 8 }
    }
    if (at + 8 + size > MAX_HEADER) break
    if (id === 'fmt ') {
      if (at + 24 > head.length) return null
      const pcm = head.readUInt16LE(at + 8) === 1 && head.readUInt16LE(at + 22) === 16
      const channels = head.readUInt16LE(at + 10)
      const rate = head.readUInt32LE(at + 12)
      if (!pcm || channels < 1 || channels > 2 || rate < 8000 || rate > 96_000)
        throw new TtsError('speech endpoint sent a WAV that is not 16-bit PCM', 'failed')
      format = { rate, channels }
    }
    at += 8 + size + (size % 2)
  }
  if (head.length >= MAX_HEADER) throw new TtsError('speech endpoint sent a WAV header too long to play', 'failed')
  return null
}
