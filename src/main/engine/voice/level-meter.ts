/**
 * Loudness of s16le PCM. RMS in 0..1 of full scale drives voice activity
 * detection; `displayLevel` maps it onto a -60..0 dBFS meter for the indicator.
 */

export function rms(pcm: Buffer, start = 0, end = pcm.length): number {
  const last = end - ((end - start) % 2)
  const samples = (last - start) / 2
  if (samples <= 0) return 0
  let sum = 0
  for (let i = start; i < last; i += 2) {
    const s = pcm.readInt16LE(i) / 32768
    sum += s * s
  }
  return Math.sqrt(sum / samples)
}

const FLOOR_DB = -60

export function displayLevel(level: number): number {
  if (level <= 0) return 0
  const db = 20 * Math.log10(level)
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB))
}
