import { describe, expect, it } from 'vitest'
import { lastLoudSampleEnd, sampleClock } from '../../../bench/support/sink-silence'
import type { Recording } from '../../support/pulse'

const RATE = 1000 // one sample per ms keeps the arithmetic readable

/** Chunks of `sizes` samples; chunk k arrives `delays[k]` ms after its last sample sounded, the first sample sounding at `start`. */
function recording(samples: number[], sizes: number[], delays: number[], start = 5000): Recording {
  const chunkEnds: number[] = []
  let end = 0
  for (const size of sizes) chunkEnds.push((end += size))
  return {
    samples: Int16Array.from(samples),
    rate: RATE,
    chunkEnds,
    chunkTimes: chunkEnds.map((e, k) => start + e + delays[k]!)
  }
}

describe('the sink monitor sample clock', () => {
  it('rests on the fastest-delivered chunk, however late the others came', () => {
    const rec = recording(new Array(60).fill(0), [20, 20, 20], [90, 3, 40])
    const { t0, lateMs } = sampleClock(rec)
    expect(t0).toBe(5003)
    expect(lateMs).toEqual([87, 0, 37])
  })

  it('puts the end of the sound just past the last loud sample, on that clock', () => {
    const samples = new Array(60).fill(0)
    samples[10] = 3000
    samples[33] = -2500 // the last loud one
    samples[50] = 40 // too quiet to count
    const rec = recording(samples, [20, 20, 20], [60, 2, 120])
    expect(lastLoudSampleEnd(rec)).toBe(5002 + 34)
  })

  it('hears nothing in a silent recording', () => {
    expect(lastLoudSampleEnd(recording(new Array(40).fill(0), [20, 20], [1, 1]))).toBeNull()
  })
})
