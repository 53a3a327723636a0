import { performance } from 'node:perf_hooks'
import type { Capture, Recording } from '../../test/support/pulse'

/** |sample| above this is sound; the null sink's silence is exactly 0. */
const LOUD = 100
/** How long the sink must stay quiet after the action for the silence to count. */
export const QUIET_TAIL_MS = 1500

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * The monitor's sample clock on ours: sample i sounded at t0 + i / rate. A chunk
 * arrives after its last sample by its transport delay (never before), so t0 is
 * the least `arrival − samples so far / rate` over the chunks: it rests on the
 * fastest delivery, and every other chunk's lateness is how much later it came.
 */
export function sampleClock(rec: Recording): { t0: number; lateMs: number[] } {
  const offsets = rec.chunkEnds.map((end, k) => rec.chunkTimes[k]! - (end * 1000) / rec.rate)
  const t0 = Math.min(...offsets)
  return { t0, lateMs: offsets.map((o) => o - t0) }
}

/** Wall time (performance.now()) just past the last loud sample, or null if nothing was heard. */
export function lastLoudSampleEnd(rec: Recording, t0 = sampleClock(rec).t0): number | null {
  for (let i = rec.samples.length - 1; i >= 0; i--)
    if (Math.abs(rec.samples[i]!) > LOUD) return t0 + ((i + 1) * 1000) / rec.rate
  return null
}

/** Whether the last `ms` captured are sound: the voice is mid-word, not between sentences. */
function soundingNow(rec: Recording, ms: number): boolean {
  const n = Math.round((rec.rate * ms) / 1000)
  const tail = rec.samples.subarray(Math.max(0, rec.samples.length - n))
  let loud = 0
  for (const s of tail) if (Math.abs(s) > LOUD) loud++
  return tail.length === n && loud > n / 20
}

/** Waits until the sink is sounding right now (so an action lands inside speech), or fails. */
export async function untilSounding(sink: Capture, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!soundingNow(sink.snapshot(), 60)) {
    if (performance.now() > deadline) throw new Error(`the sink was not sounding within ${timeoutMs} ms`)
    await sleep(10)
  }
}

/** How far before the action a loud sample must be for the action to have landed inside speech. */
const SOUNDING_BEFORE_MS = 40

/** The action landed in a pause (between sentences, or the driver was held up): it silenced nothing. */
export class MissedSpeech extends Error {}

export interface Silenced {
  /** from the action to the end of the last loud sample on the monitor */
  ms: number
  /** how much later than the fastest each capture chunk arrived (ms) */
  lateMs: number[]
}

/**
 * After an action at `at` (performance.now()), listens on for QUIET_TAIL_MS and
 * returns when the sound ended. Throws if the sink is still sounding at the end
 * (the action did not silence it), and MissedSpeech if it was already quiet.
 */
export async function silenceAfter(sink: Capture, at: number): Promise<Silenced> {
  await sleep(QUIET_TAIL_MS)
  const rec = await sink.stop()
  const { t0, lateMs } = sampleClock(rec)
  const end = lastLoudSampleEnd(rec, t0)
  if (end === null) throw new Error('nothing was heard on the sink')
  if (end < at - SOUNDING_BEFORE_MS)
    throw new MissedSpeech(`the sound had ended ${Math.round(at - end)} ms before the action`)
  if (t0 + (rec.samples.length * 1000) / rec.rate - end < QUIET_TAIL_MS / 2)
    throw new Error(`the sink was still sounding ${Math.round(end - at)} ms after the action`)
  return { ms: end - at, lateMs }
}
