import { describe, expect, it } from 'vitest'
import { MAX_LEAD_TRIM_MS, PcmSilenceTrim, trimPcmStream } from '../../../../src/main/engine/speech/pcm-stream-trim'
import { KEEP_LEAD_MS, KEEP_TAIL_MS } from '../../../../src/main/engine/speech/silence'

/** Synthetic 24 kHz PCM (OpenAI's `pcm`) with exact edges: every sample of a sound is audible. */
const RATE = 24_000
const mono = { rate: RATE, channels: 1 }
const frames = (ms: number) => Math.round((RATE * ms) / 1000)

function sound(ms: number, amplitude = 8000, channels = 1): Buffer {
  const n = frames(ms) * channels
  const b = Buffer.alloc(n * 2)
  for (let i = 0; i < n; i++) b.writeInt16LE(i % 2 ? -amplitude : amplitude, i * 2)
  return b
}

/** what a neural voice pads with: not zero, just below hearing */
function padding(ms: number, channels = 1): Buffer {
  const n = frames(ms) * channels
  const b = Buffer.alloc(n * 2)
  for (let i = 0; i < n; i++) b.writeInt16LE((i % 7) * 10 - 30, i * 2)
  return b
}

const msOf = (b: Buffer, channels = 1) => (b.length / (2 * channels) / RATE) * 1000

function pieces(pcm: Buffer, size: number): Buffer[] {
  const out: Buffer[] = []
  for (let at = 0; at < pcm.length; at += size) out.push(pcm.subarray(at, at + size))
  return out
}

async function trimmed(pcm: Buffer, size = 4800, format = mono): Promise<Buffer> {
  async function* from(): AsyncGenerator<Buffer> {
    yield* pieces(pcm, size)
  }
  const out: Buffer[] = []
  for await (const b of trimPcmStream(from(), format)) out.push(b)
  return Buffer.concat(out)
}

/** 1 byte splits every sample; 4801 and 7 split them at odd places; 48,000 is one second in one piece */
const CHUNKINGS = [1, 7, 4801, 48_000]

describe('trimming streamed PCM', () => {
  it.each(CHUNKINGS)(
    'drops the leading padding down to a short lead, whatever the piece size (%i bytes)',
    async (size) => {
      const speech = Buffer.concat([sound(300), padding(80), sound(200)])
      const out = await trimmed(Buffer.concat([padding(600), speech, padding(50)]), size)
      expect(msOf(out)).toBeCloseTo(KEEP_LEAD_MS + 580 + 50, 0)
      expect(out.subarray(frames(KEEP_LEAD_MS) * 2, frames(KEEP_LEAD_MS) * 2 + speech.length)).toEqual(speech)
    }
  )

  it.each(CHUNKINGS)('cuts the trailing padding to a short natural pause (%i bytes)', async (size) => {
    const speech = sound(400)
    const out = await trimmed(Buffer.concat([speech, padding(900)]), size)
    expect(out.subarray(0, speech.length)).toEqual(speech)
    expect(msOf(out)).toBeCloseTo(400 + KEEP_TAIL_MS, 0)
  })

  it('keeps pauses inside the speech exactly, long ones included', async () => {
    const speech = Buffer.concat([sound(200), padding(300), sound(100), padding(1800), sound(100)])
    expect(await trimmed(speech, 3000)).toEqual(speech)
  })

  it('never cuts quiet speech: a voice just above the silence threshold passes whole', async () => {
    const whisper = sound(700, 200)
    expect(await trimmed(whisper, 999)).toEqual(whisper)
  })

  it('passes leading quiet longer than its bound whole, so nothing is ever lost to a misjudged start', async () => {
    const quietStart = Buffer.concat([padding(MAX_LEAD_TRIM_MS + 300), sound(200)])
    expect(await trimmed(quietStart, 4800)).toEqual(quietStart)
  })

  it('counts a frame loud when either channel is, and keeps stereo frames whole', async () => {
    const left = Buffer.alloc(frames(100) * 4)
    for (let f = 0; f < frames(100); f++) left.writeInt16LE(5000, f * 4)
    const out = await trimmed(Buffer.concat([padding(400, 2), left, padding(400, 2)]), 1001, {
      rate: RATE,
      channels: 2
    })
    expect(out.length % 4).toBe(0)
    expect(msOf(out, 2)).toBeCloseTo(KEEP_LEAD_MS + 100 + KEEP_TAIL_MS, 0)
  })

  it('plays nothing of an utterance that is all padding', async () => {
    expect((await trimmed(padding(500))).length).toBe(0)
  })

  it('hands on the first sound in the piece it arrives in: nothing audible waits for more', () => {
    const trim = new PcmSilenceTrim(mono)
    expect(trim.push(padding(300))).toEqual([])
    const first = Buffer.concat(trim.push(Buffer.concat([padding(10), sound(20)])))
    expect(msOf(first)).toBeCloseTo(KEEP_LEAD_MS + 20, 0)
  })

  it('plays the start of a pause inside speech as it arrives, so a player fed in real time does not run dry', () => {
    const trim = new PcmSilenceTrim(mono)
    const first = Buffer.concat(trim.push(Buffer.concat([sound(50), padding(20)])))
    expect(msOf(first)).toBeCloseTo(70, 0)
    // the pause goes on in 40 ms pieces, as a server streaming in real time sends it
    const during = [40, 40, 40, 40, 40].map((ms) => msOf(Buffer.concat(trim.push(padding(ms)))))
    expect(during.reduce((a, b) => a + b)).toBeCloseTo(KEEP_TAIL_MS - 20, 0)
    expect(during[0]).toBeCloseTo(40, 0)
    // only the rest of it waited, and plays once the speech resumes
    const resumed = Buffer.concat(trim.push(sound(30)))
    expect(msOf(resumed)).toBeCloseTo(20 + 200 - KEEP_TAIL_MS + 30, 0)
  })

  it('gives every pause its start at once, not only the first', () => {
    const trim = new PcmSilenceTrim(mono)
    trim.push(sound(50))
    trim.push(padding(300))
    trim.push(sound(50))
    expect(msOf(Buffer.concat(trim.push(padding(300))))).toBeCloseTo(KEEP_TAIL_MS, 0)
  })

  it('holds at most a bounded pause in memory while it waits to see if speech resumes', () => {
    const trim = new PcmSilenceTrim(mono)
    trim.push(sound(50))
    const released = [padding(400), padding(400), padding(400)].flatMap((p) => trim.push(p))
    expect(msOf(Buffer.concat(released))).toBeGreaterThanOrEqual(1000)
  })
})
