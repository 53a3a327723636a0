import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakeLlm, type FakeLlm, type RequestRecord } from '../fake-llm'
import { installSpeech, type FakeSpeech } from '../fake-llm/speech'
import buildOnce from '../support/global-build'
import { runHark } from '../support/run-cli'
import { soundMs, startCapture, type Capture } from '../support/pulse'

/**
 * `hark ask --speak provider`, the built CLI as a user runs it: the answer
 * comes from the fake chat, each sentence is spoken by the fake
 * `/v1/audio/speech` on another origin (real espeak-ng audio), and what the
 * user hears is captured on the sink.
 */

const SENTENCES = ['Paris is the capital of France.', 'It sits on the Seine.', 'About two million people live there.']
const CHAT_KEY = 'sk-chat-only'
const SPEECH_KEY = 'sk-speech-only'

let chat: FakeLlm
let speechServer: FakeLlm
let speech: FakeSpeech
let capture: Capture | null = null

beforeAll(async () => {
  buildOnce()
  chat = await startFakeLlm({ text: SENTENCES.join(' '), timing: { tps: 200 } })
  speechServer = await startFakeLlm()
  speech = installSpeech(speechServer, { realtime: 4, ttfbMs: 50 })
}, 120_000)
afterAll(async () => {
  await chat?.close()
  await speechServer?.close()
})
afterEach(async () => {
  await capture?.stop()
  capture = null
  speech.calls.length = 0
})

const ask = (extra: string[]) =>
  runHark(
    [
      'ask',
      '--base-url',
      chat.url,
      '--api-key',
      CHAT_KEY,
      '--speak',
      'provider',
      '--speech-base-url',
      speechServer.url,
      '--speech-model',
      'kokoro',
      '--voice',
      'af_heart',
      ...extra,
      '--json',
      'Tell me about Paris.'
    ],
    { timeoutMs: 60_000 }
  )

const authorizations = (records: RequestRecord[]): unknown[] => records.map((r) => r.headers['authorization'])

describe('hark ask --speak provider', () => {
  it('asks the speech endpoint for each sentence with the chosen model and voice, and the user hears it', async () => {
    capture = await startCapture()
    const run = await ask(['--speech-api-key', SPEECH_KEY])
    const rec = await capture.stop()
    capture = null
    expect(run.code, run.stderr).toBe(0)
    expect(run.events.filter((e) => e.type === 'notice')).toEqual([])
    expect(speech.calls.map((c) => c.body['input'])).toEqual(SENTENCES)
    for (const call of speech.calls) {
      expect(call.body).toMatchObject({ model: 'kokoro', voice: 'af_heart', response_format: 'pcm' })
      expect(call.closedEarly).toBe(false)
    }
    // espeak-ng says these three sentences in about 5 s; the fallback voice would make no calls
    expect(soundMs(rec)).toBeGreaterThan(2000)
  })

  it('sends each key only to its own origin', async () => {
    const run = await ask(['--speech-api-key', SPEECH_KEY])
    expect(run.code, run.stderr).toBe(0)
    expect(speech.calls.map((c) => c.authorization)).toEqual(SENTENCES.map(() => `Bearer ${SPEECH_KEY}`))
    const atSpeech = [...speechServer.requests, ...speechServer.warmups]
    const atChat = [...chat.requests, ...chat.warmups]
    expect(authorizations(atSpeech)).not.toContain(`Bearer ${CHAT_KEY}`)
    expect(authorizations(atChat)).not.toContain(`Bearer ${SPEECH_KEY}`)
    expect(authorizations(chat.requests)).toContain(`Bearer ${CHAT_KEY}`)
  })

  it('keeps the chat key from a speech endpoint at another origin when no speech key is given', async () => {
    const run = await ask([])
    expect(run.code, run.stderr).toBe(0)
    expect(speech.calls.map((c) => c.body['input'])).toEqual(SENTENCES)
    expect(speech.calls.map((c) => c.authorization)).toEqual(SENTENCES.map(() => undefined))
    expect(authorizations([...speechServer.requests, ...speechServer.warmups])).not.toContain(`Bearer ${CHAT_KEY}`)
  })
})
