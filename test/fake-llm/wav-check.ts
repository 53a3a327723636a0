/**
 * What the fake speech-to-text server checks about an uploaded WAV, written
 * independently of Hark's own encoder so a wrong header cannot pass by
 * agreeing with itself.
 */
export interface WavReport {
  ok: boolean
  problems: string[]
  sampleRate: number
  channels: number
  bitsPerSample: number
  durationMs: number
  /** RMS of the samples, 0..1 of full scale */
  rms: number
}

export function checkWav(buf: Buffer): WavReport {
  const problems: string[] = []
  const r: WavReport = { ok: false, problems, sampleRate: 0, channels: 0, bitsPerSample: 0, durationMs: 0, rms: 0 }
  if (buf.length < 44) return fail(r, `only ${buf.length} bytes`)
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') return fail(r, 'not RIFF/WAVE')
  if (buf.readUInt32LE(4) !== buf.length - 8)
    problems.push(`RIFF size ${buf.readUInt32LE(4)} but file is ${buf.length} bytes`)
  let at = 12
  let data: Buffer | null = null
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4)
    const size = buf.readUInt32LE(at + 4)
    if (id === 'fmt ') {
      if (buf.readUInt16LE(at + 8) !== 1) problems.push('not PCM')
      r.channels = buf.readUInt16LE(at + 10)
      r.sampleRate = buf.readUInt32LE(at + 12)
      r.bitsPerSample = buf.readUInt16LE(at + 22)
    } else if (id === 'data') {
      if (at + 8 + size !== buf.length) problems.push(`data size ${size} but ${buf.length - at - 8} bytes follow`)
      data = buf.subarray(at + 8, at + 8 + size)
      break
    }
    at += 8 + size + (size % 2)
  }
  if (!data) return fail(r, 'no data chunk')
  if (r.bitsPerSample !== 16) problems.push(`${r.bitsPerSample}-bit samples`)
  const frame = (r.channels * r.bitsPerSample) / 8
  r.durationMs = frame && r.sampleRate ? (data.length / frame / r.sampleRate) * 1000 : 0
  let sum = 0
  const n = Math.floor(data.length / 2)
  for (let i = 0; i < n; i++) sum += (data.readInt16LE(i * 2) / 32768) ** 2
  r.rms = n ? Math.sqrt(sum / n) : 0
  r.ok = problems.length === 0
  return r
}

function fail(r: WavReport, problem: string): WavReport {
  r.problems.push(problem)
  return r
}
