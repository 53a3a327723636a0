import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeLlm, type FakeLlm } from '../../../fake-llm'
import { installTranscriptions, type FakeStt, type HostileTranscript } from '../../../fake-llm/transcriptions'
import { createTranscriber, TranscriptionError } from '../../../../src/main/engine/voice/transcriber'
import { encodeWav } from '../../../../src/main/engine/voice/wav'

/**
 * A transcription endpoint that answers with an enormous transcript: plainly,
 * or as a gzip bomb whose few KB on the wire inflate to tens of MB. The
 * transcriber must stop reading at its 1 MB cap, close the connection and say
 * why, rather than hand back (or hold) the whole body.
 */

const MiB = 1024 * 1024
/** what the server would send in all: enough to see the cap, small enough that an uncapped client survives it */
const SENT_BYTES = 48 * MiB

let fake: FakeLlm
let stt: FakeStt
beforeAll(async () => {
  fake = await startFakeLlm()
  stt = installTranscriptions(fake, { text: 'fine' })
})
afterAll(() => fake.close())

const halfSecondOfSilence = encodeWav(Buffer.alloc(16_000))

const transcribeOnce = () =>
  createTranscriber({ baseUrl: fake.url, apiKey: 'k', model: 'whisper-1' })(
    halfSecondOfSilence,
    new AbortController().signal
  ).then(
    (text) => `a transcript of ${text.length} characters`,
    (err: unknown) => err
  )

describe('speech-to-text against an endpoint whose answer has no end', () => {
  it.each<HostileTranscript['kind']>(['huge-json', 'gzip-bomb'])(
    '%s: fails as too-large with a message that says what happened',
    async (kind) => {
      stt.set({ hostile: { kind, maxBytes: SENT_BYTES } })
      const outcome = await transcribeOnce()
      expect(outcome).toBeInstanceOf(TranscriptionError)
      expect(outcome).toMatchObject({
        kind: 'too-large',
        message: expect.stringMatching(
          /^Speech-to-text at 127\.0\.0\.1:\d+ sent a response body larger than 1 MB \(counted after decompression\), so Hark stopped reading\. Check that the speech-to-text endpoint in Settings/
        )
      })
    }
  )

  it('stops reading a huge body mid-send: the server sees the connection closed before it finished', async () => {
    stt.set({ hostile: { kind: 'huge-json', maxBytes: SENT_BYTES } })
    await transcribeOnce()
    const request = fake.requests.findLast((r) => r.path === '/v1/audio/transcriptions')!
    const closed = await fake.waitForClose(request.index, 5000)
    expect(closed.closedByClient).toBe(true)
  })

  it('still transcribes normally after a hostile answer', async () => {
    stt.set({ hostile: undefined })
    expect(await transcribeOnce()).toBe('a transcript of 4 characters')
  })
})
