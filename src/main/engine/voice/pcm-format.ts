/**
 * Hark records one format only: raw signed 16-bit little-endian mono at 16 kHz.
 * It is what speech-to-text services want, and recording raw lets Hark write
 * the WAV header itself (recorders piping WAV write bogus sizes).
 */
export interface PcmFormat {
  sampleRate: number
  channels: number
  bitsPerSample: number
}

export const SPEECH_PCM: PcmFormat = { sampleRate: 16_000, channels: 1, bitsPerSample: 16 }

export function bytesPerSecond(f: PcmFormat): number {
  return (f.sampleRate * f.channels * f.bitsPerSample) / 8
}

export function pcmDurationMs(bytes: number, f: PcmFormat = SPEECH_PCM): number {
  return (bytes / bytesPerSecond(f)) * 1000
}
