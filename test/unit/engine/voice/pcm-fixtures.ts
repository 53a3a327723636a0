/** Synthetic 16 kHz mono s16le audio for the voice tests. */
const RATE = 16_000

export function tone(ms: number, amplitude = 0.3, hz = 220): Buffer {
  const n = Math.round((RATE * ms) / 1000)
  const b = Buffer.alloc(n * 2)
  for (let i = 0; i < n; i++)
    b.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / RATE) * amplitude * 32767), i * 2)
  return b
}

export function silence(ms: number): Buffer {
  return Buffer.alloc(Math.round((RATE * ms) / 1000) * 2)
}

/** low-level noise, like a quiet room */
export function hiss(ms: number, amplitude = 0.003, seed = 1): Buffer {
  const n = Math.round((RATE * ms) / 1000)
  const b = Buffer.alloc(n * 2)
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    b.writeInt16LE(Math.round(((x / 0x7fffffff) * 2 - 1) * amplitude * 32767), i * 2)
  }
  return b
}

/** splits audio into recorder-sized chunks (arecord hands out a few KB at a time) */
export function chunks(pcm: Buffer, size = 4000): Buffer[] {
  const out: Buffer[] = []
  for (let i = 0; i < pcm.length; i += size) out.push(pcm.subarray(i, i + size))
  return out
}
