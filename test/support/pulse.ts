import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { MONITOR } from './pulse-server'

export { ensurePulse, MONITOR, SINK, startPrivatePulse, type PulseHandle } from './pulse-server'

const RATE = 16_000
const BYTES_PER_SAMPLE = 2
/** int16 RMS above this counts as sound; the null sink's silence is exactly 0 */
export const SOUND_RMS = 200

export interface AudioWindow {
  /** performance.now() time of the window's first sample */
  at: number
  rms: number
}

export interface Recording {
  samples: Int16Array
  rate: number
  /** sample index just past each chunk, and performance.now() when that chunk arrived */
  chunkEnds: number[]
  chunkTimes: number[]
}

export interface Capture {
  /** resolves with the wall time of the first sound heard after `after` (default: now); rejects after timeoutMs */
  waitForSound(timeoutMs: number, after?: number): Promise<number>
  /** what has been heard so far, the capture going on */
  snapshot(): Recording
  /** ends the capture (SIGINT, then SIGKILL) and returns what was heard */
  stop(): Promise<Recording>
}

interface Chunk {
  data: Buffer
  arrivedAt: number
}

function toRecording(chunks: Chunk[], rate: number): Recording {
  const all = Buffer.concat(chunks.map((c) => c.data))
  const even = all.subarray(0, all.length - (all.length % 2))
  const samples = new Int16Array(even.buffer.slice(even.byteOffset, even.byteOffset + even.length))
  const chunkEnds: number[] = []
  let bytes = 0
  for (const c of chunks) {
    bytes += c.data.length
    chunkEnds.push(Math.floor(bytes / BYTES_PER_SAMPLE))
  }
  return { samples, rate, chunkEnds, chunkTimes: chunks.map((c) => c.arrivedAt) }
}

/**
 * Wall time of a sample, from the chunk that carried it: the chunk arrived
 * just after its last sample was played. Timing each sample from its own
 * chunk keeps the sink's clock drift out of long recordings; the error is at
 * most one chunk of latency (about 20 ms), always towards later.
 */
function timeOf(rec: Recording, sample: number): number {
  let lo = 0
  let hi = rec.chunkEnds.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((rec.chunkEnds[mid] ?? 0) > sample) hi = mid
    else lo = mid + 1
  }
  const end = rec.chunkEnds[lo] ?? sample
  return (rec.chunkTimes[lo] ?? performance.now()) - ((end - sample) / rec.rate) * 1000
}

/**
 * Record the sink monitor as 16 kHz mono s16le with a low latency, so wall
 * times of sound onset and silence are accurate to a few tens of ms.
 * maxMs bounds the capture even if the caller never stops it.
 */
export async function startCapture(maxMs = 60_000, device = MONITOR): Promise<Capture> {
  const child = spawn(
    'parec',
    [`--device=${device}`, '--raw', '--format=s16le', `--rate=${RATE}`, '--channels=1', '--latency-msec=20'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const chunks: Chunk[] = []
  let stderr = ''
  child.stdout.on('data', (data: Buffer) => chunks.push({ data, arrivedAt: performance.now() }))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  const failed = new Promise<never>((_, reject) => child.once('error', reject))
  const limit = setTimeout(() => child.kill('SIGKILL'), maxMs)
  await Promise.race([
    firstData(child.stdout),
    failed,
    exited.then(() => Promise.reject(new Error(`parec exited: ${stderr}`)))
  ])
  return {
    snapshot: () => toRecording(chunks, RATE),
    waitForSound: (timeoutMs, after = performance.now()) =>
      pollForSound(() => toRecording(chunks, RATE), timeoutMs, after),
    async stop() {
      clearTimeout(limit)
      child.kill('SIGINT')
      const hard = setTimeout(() => child.kill('SIGKILL'), 2000)
      await exited
      clearTimeout(hard)
      return toRecording(chunks, RATE)
    }
  }
}

async function pollForSound(snapshot: () => Recording, timeoutMs: number, after: number): Promise<number> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    const at = firstSoundAfter(snapshot(), after)
    if (at !== null) return at
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`no sound on the sink monitor within ${timeoutMs} ms`)
}

function firstData(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => stream.once('data', () => resolve()))
}

/** RMS per window of windowMs, each stamped with its wall time. */
export function windows(rec: Recording, windowMs = 20): AudioWindow[] {
  const size = Math.max(1, Math.round((rec.rate * windowMs) / 1000))
  const out: AudioWindow[] = []
  for (let start = 0; start + size <= rec.samples.length; start += size) {
    let sum = 0
    for (let i = start; i < start + size; i++) sum += (rec.samples[i] ?? 0) ** 2
    out.push({ at: timeOf(rec, start), rms: Math.sqrt(sum / size) })
  }
  return out
}

function isSound(w: AudioWindow): boolean {
  return w.rms > SOUND_RMS
}

/** Total ms of sound in the recording. */
export function soundMs(rec: Recording, windowMs = 20): number {
  return windows(rec, windowMs).filter(isSound).length * windowMs
}

/** Wall time of the first sound at or after `from`, or null. */
export function firstSoundAfter(rec: Recording, from: number, windowMs = 20): number | null {
  return windows(rec, windowMs).find((w) => w.at >= from && isSound(w))?.at ?? null
}

/** Wall time at which the last sound before `until` ends, or null. */
export function lastSoundBefore(rec: Recording, until: number, windowMs = 20): number | null {
  const heard = windows(rec, windowMs).filter((w) => isSound(w) && w.at + windowMs <= until)
  const last = heard[heard.length - 1]
  return last ? last.at + windowMs : null
}

/** Wall time at which the last sound ends (so everything later is silence), or null if none. */
export function lastSoundEnd(rec: Recording, windowMs = 20): number | null {
  const heard = windows(rec, windowMs).filter(isSound)
  const last = heard[heard.length - 1]
  return last ? last.at + windowMs : null
}
