import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeLlm, type FakeLlm } from '../../../fake-llm'
import { installTranscriptions, type FakeStt } from '../../../fake-llm/transcriptions'
import { createTranscriber } from '../../../../src/main/engine/voice/transcriber'
import { encodeWav } from '../../../../src/main/engine/voice/wav'
import { tone } from './pcm-fixtures'

/** The fake speech-to-text the benches use: its time grows with the upload, as a real service's does. */

let fake: FakeLlm
let stt: FakeStt
beforeAll(async () => {
  fake = await startFakeLlm()
  stt = installTranscriptions(fake, { text: 'hi', delayMs: 20, perSecondMs: 300 })
})
afterAll(() => fake.close())

describe('the fake transcription delay', () => {
  it('adds perSecondMs for each second of audio uploaded', async () => {
    const transcribe = createTranscriber({ baseUrl: fake.url, apiKey: '', model: 'whisper-1' })
    await transcribe(encodeWav(tone(500)), new AbortController().signal)
    await transcribe(encodeWav(tone(2500)), new AbortController().signal)
    const [short, long] = stt.calls.map((c) => c.serverMs)
    // timers never fire early: 20 + 150 ms, then 20 + 750 ms at least
    expect(short).toBeGreaterThanOrEqual(169)
    expect(long).toBeGreaterThanOrEqual(769)
  })
})
