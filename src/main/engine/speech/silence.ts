/**
 * What counts as silence in 16-bit PCM, for every trimmer: synthesisers pad
 * utterances with near-zero samples, and a pad is dead air the listener waits
 * through. A sample at or below SILENT_SAMPLE (of 32767, about -48 dBFS) is
 * silent; a frame is loud when any of its channels is not.
 */
export const SILENT_SAMPLE = 120
/**
 * silence kept before the first loud frame, so a soft onset (a breathy h, an f)
 * is not clipped; every ms of it is heard as delay (40 was a third of
 * espeak-ng's time to first sound), so it is short
 */
export const KEEP_LEAD_MS = 15
/** silence kept after the last loud frame: a short natural pause before the next utterance */
export const KEEP_TAIL_MS = 120

export function isLoudFrame(pcm: Buffer, at: number, frameBytes: number): boolean {
  for (let b = at; b < at + frameBytes; b += 2) if (Math.abs(pcm.readInt16LE(b)) > SILENT_SAMPLE) return true
  return false
}

/** Bytes in `ms` of whole frames. */
export function bytesFor(ms: number, rate: number, frameBytes: number): number {
  return Math.round((rate * ms) / 1000) * frameBytes
}
