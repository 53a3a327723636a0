import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeLlm, type FakeLlm } from '../../../fake-llm'
import { installTranscriptions, type FakeStt } from '../../../fake-llm/transcriptions'
import { createTranscriber, TranscriptionError } from '../../../../src/main/engine/voice/transcriber'
import { encodeWav } from '../../../../src/main/engine/voice/wav'
import { silence, tone } from './pcm-fixtures'

let fake: FakeLlm
let stt: FakeStt

beforeAll(async () => {
  fake = await startFakeLlm()
  stt = installTranscriptions(fake, { text: 'hello there' })
})
afterAll(() => fake.close())

describe('createTranscriber', () => {
  it('uploads a WAV the server accepts and returns its transcript', async () => {
    const transcribe = createTranscriber({ baseUrl: fake.url, apiKey: '', model: 'whisper-1', language: 'en' })
    const text = await transcribe(encodeWav(Buffer.concat([silence(200), tone(1300)])), new AbortController().signal)
    expect(text).toBe('hello there')
    const call = stt.calls.at(-1)!
    expect(call).toMatchObject({ model: 'whisper-1', language: 'en', filename: 'speech.wav' })
    expect(call.wav.ok).toBe(true)
    expect(call.wav.durationMs).toBeCloseTo(1500, 0)
    expect(call.wav.rms).toBeGreaterThan(0.1)
  })

  it('leaves the language out when auto', async () => {
    await createTranscriber({ baseUrl: fake.url, apiKey: 'k', model: 'm' })(
      encodeWav(tone(300)),
      new AbortController().signal
    )
    expect(stt.calls.at(-1)!.language).toBe('')
  })

  it('classifies an endpoint without transcription as not-found, naming the settings to change', async () => {
    const other = await startFakeLlm()
    try {
      const err = await createTranscriber({ baseUrl: other.url, apiKey: 'k', model: 'whisper-1' })(
        encodeWav(tone(300)),
        new AbortController().signal
      ).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(TranscriptionError)
      expect(err).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/Settings/) })
    } finally {
      await other.close()
    }
  })

  it('classifies a server that rejects the upload, and an unreachable one', async () => {
    const bad = await createTranscriber({ baseUrl: fake.url, apiKey: 'k', model: 'm' })(
      Buffer.from('not a wav at all, clearly'),
      new AbortController().signal
    ).catch((e: unknown) => e)
    expect(bad).toMatchObject({ kind: 'bad-request' })
    const down = await createTranscriber({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k', model: 'm' })(
      encodeWav(tone(300)),
      new AbortController().signal
    ).catch((e: unknown) => e)
    expect(down).toMatchObject({ kind: 'network' })
  })

  it('stops at once when aborted', async () => {
    stt.set({ delayMs: 5000 })
    try {
      const ac = new AbortController()
      const pending = createTranscriber({ baseUrl: fake.url, apiKey: 'k', model: 'm' })(encodeWav(tone(300)), ac.signal)
      setTimeout(() => ac.abort(), 50)
      const started = performance.now()
      await expect(pending).rejects.toMatchObject({ kind: 'aborted' })
      expect(performance.now() - started).toBeLessThan(2000)
    } finally {
      stt.set({ delayMs: 0 })
    }
  })

  it('refuses a redirect to another origin: the audio and key never reach it', async () => {
    const seenElsewhere: string[] = []
    const elsewhere = await listen((req, res) => {
      seenElsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`)
      res.end('{"text":"stolen"}')
    })
    const redirector = await listen((req, res) => {
      req.resume()
      res.writeHead(307, { location: `${urlOf(elsewhere)}/v1/audio/transcriptions` }).end()
    })
    try {
      const err = await createTranscriber({ baseUrl: `${urlOf(redirector)}/v1`, apiKey: 'secret', model: 'm' })(
        encodeWav(tone(300)),
        new AbortController().signal
      ).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(TranscriptionError)
      expect((err as TranscriptionError).kind).toBe('redirect')
      expect((err as TranscriptionError).message).toMatch(/does not send audio or keys to another server/)
      expect(seenElsewhere).toEqual([])
    } finally {
      redirector.close()
      elsewhere.close()
    }
  })
})

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const urlOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`
