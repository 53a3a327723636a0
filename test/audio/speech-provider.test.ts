import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { startFakeLlm, type FakeLlm } from '../fake-llm'
import { installSpeech, type FakeSpeech, type FakeSpeechOptions, type SpeechFault } from '../fake-llm/speech'
import { createEspeakEngine } from '../../src/main/engine/speech/espeak-engine'
import { ProviderEngine } from '../../src/main/engine/speech/provider-engine'
import type { SpeechEndpoint } from '../../src/main/engine/speech/speech-endpoint'
import { SpeechQueue } from '../../src/main/engine/speech/speech-queue'
import { TtsError, type SpeechEvent } from '../../src/main/engine/speech/speech-types'
import { firstSoundAfter, lastSoundEnd, soundMs, startCapture, type Capture } from '../support/pulse'

const LONG =
  'This is a long sentence, spoken slowly and on purpose, so that there is plenty of time to interrupt it in the middle of a word.'

let fake: FakeLlm | null = null
let capture: Capture | null = null
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  await capture?.stop()
  capture = null
  await fake?.close()
  fake = null
  for (const c of cleanups.splice(0)) await c()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function endpoint(opts: FakeSpeechOptions = {}): Promise<{ speech: FakeSpeech; config: SpeechEndpoint }> {
  fake = await startFakeLlm()
  const speech = installSpeech(fake, opts)
  return { speech, config: { baseUrl: fake.url, apiKey: 'sk-speech', model: 'tts-test', voice: 'en', format: 'pcm' } }
}

function queueOver(engine: ProviderEngine, withFallback = false) {
  const queue = new SpeechQueue({ engine, ...(withFallback ? { fallback: createEspeakEngine() } : {}) })
  const events: string[] = []
  const startedAt = new Map<number, number>()
  const errors: string[] = []
  queue.onEvent((e: SpeechEvent) => {
    events.push(`${e.turnId}:${e.index}:${e.state}`)
    if (e.state === 'started') startedAt.set(e.index, performance.now())
  })
  queue.onError((m) => errors.push(m))
  return { queue, events, startedAt, errors }
}

describe('provider voice against the fake /v1/audio/speech', () => {
  it('plays the audio while it downloads, and says started only once there is sound to hear', async () => {
    // the server sends at playback speed after 300 ms: a batch player would be silent until the end
    const { speech, config } = await endpoint({ ttfbMs: 300, realtime: 1 })
    const { queue, events, startedAt, errors } = queueOver(new ProviderEngine(config))
    capture = await startCapture()
    const t0 = performance.now()
    queue.enqueue({ turnId: 't', index: 0, text: LONG })
    await queue.idle()
    await sleep(300)
    const rec = await capture.stop()
    capture = null
    const call = speech.calls[0]!
    const heard = firstSoundAfter(rec, t0)
    expect(errors).toEqual([])
    expect(events).toEqual(['t:0:started', 't:0:finished'])
    expect(call.body).toMatchObject({ model: 'tts-test', input: LONG, voice: 'en', response_format: 'pcm' })
    expect(call.authorization).toBe('Bearer sk-speech')
    expect(heard).not.toBeNull()
    expect(heard!).toBeLessThan(call.endAt! - 1000)
    expect(startedAt.get(0)!).toBeGreaterThanOrEqual(call.firstByteAt!)
    expect(soundMs(rec)).toBeGreaterThan(3000)
  })

  it('plays a streamed WAV (placeholder sizes) as it arrives', async () => {
    const { speech, config } = await endpoint({ realtime: 1 })
    const engine = new ProviderEngine({ ...config, format: 'wav' })
    capture = await startCapture()
    const t0 = performance.now()
    await engine.speak('Hello from a streamed wave file, which arrives in pieces.', {
      signal: new AbortController().signal
    })
    await sleep(300)
    const rec = await capture.stop()
    capture = null
    expect(speech.calls[0]!.body['response_format']).toBe('wav')
    expect(firstSoundAfter(rec, t0)!).toBeLessThan(speech.calls[0]!.endAt!)
    expect(soundMs(rec)).toBeGreaterThan(1500)
  })

  // the trailing cut is timed by the null sink's slow, uneven drain here, so it is left to the unit tests
  it('trims the silence a voice pads with: the first sound comes sooner, and nothing audible is cut', async () => {
    // a neural voice's padding, exaggerated (within what the trimmer takes for padding) to stand out on a loaded machine
    const { speech, config } = await endpoint({ leadSilenceMs: 1200, tailSilenceMs: 800, realtime: 8 })
    const text = 'Padded with silence on both sides.'
    const run = async (trimSilence: boolean) => {
      capture = await startCapture()
      const started = performance.now()
      await new ProviderEngine(config, { trimSilence }).speak(text, { signal: new AbortController().signal })
      await sleep(300)
      const rec = await capture.stop()
      capture = null
      const call = speech.calls.at(-1)!
      const heard = firstSoundAfter(rec, started)
      if (heard === null) throw new Error('nothing was heard on the sink')
      return { afterFirstByte: heard - call.firstByteAt!, soundMs: soundMs(rec) }
    }
    const untrimmed = await run(false)
    const trimmed = await run(true)
    const seen = JSON.stringify({ untrimmed, trimmed })
    // the 1.2 s lead is gone (KEEP_LEAD_MS kept; it downloads in 150 ms): the rest is margin for the machine's jitter
    expect(trimmed.afterFirstByte, seen).toBeLessThan(untrimmed.afterFirstByte - 600)
    // and nothing audible was cut
    expect(trimmed.soundMs, seen).toBeGreaterThan(untrimmed.soundMs * 0.8)
  })

  it('stop mid-download closes the request and silences the sink', async () => {
    const { speech, config } = await endpoint({ realtime: 1 })
    const { queue, events } = queueOver(new ProviderEngine(config))
    capture = await startCapture()
    queue.enqueue({ turnId: 's', index: 0, text: LONG })
    queue.enqueue({ turnId: 's', index: 1, text: 'Never heard.' })
    await capture.waitForSound(15_000)
    await sleep(400)
    const stoppedAt = performance.now()
    queue.stop('s')
    const closed = await fake!.waitForClose(
      fake!.requests.findIndex((r) => r.path === '/v1/audio/speech'),
      3000
    )
    await queue.idle()
    await sleep(1000)
    const rec = await capture.stop()
    capture = null
    expect(closed.closedByClient).toBe(true)
    expect(speech.calls[0]!.closedEarly).toBe(true)
    expect(speech.calls[0]!.endAt).toBeNull()
    expect((lastSoundEnd(rec) ?? stoppedAt) - stoppedAt).toBeLessThan(1000)
    expect(events).toEqual(['s:0:started', 's:1:cancelled', 's:0:cancelled'])
  })

  it('an endpoint that drops mid-answer hands the rest of the answer to the system voice, with one notice', async () => {
    const { speech, config } = await endpoint({
      realtime: 4,
      fault: (_n, input) => (input.includes('breaks') ? { kind: 'drop', afterBytes: 9600 } : null)
    })
    const { queue, events, errors } = queueOver(new ProviderEngine(config), true)
    capture = await startCapture()
    const texts = ['The first sentence.', 'The second sentence breaks.', 'The third one.', 'And the fourth.']
    texts.forEach((text, index) => queue.enqueue({ turnId: 'f', index, text }))
    await queue.idle()
    const afterFirstTurn = speech.calls.length
    queue.enqueue({ turnId: 'next', index: 0, text: 'A new answer tries the provider again.' })
    await queue.idle()
    await sleep(300)
    const rec = await capture.stop()
    capture = null
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/provider could not speak .*system voice/)
    expect(events.filter((e) => e.startsWith('f:'))).toEqual(
      [0, 1, 2, 3].flatMap((i) => [`f:${i}:started`, `f:${i}:finished`])
    )
    // sentence 1 failed once; 2 and 3 were never asked of the provider to completion
    expect(speech.calls.slice(0, afterFirstTurn).filter((c) => c.endAt !== null)).toHaveLength(1)
    expect(speech.calls.length).toBe(afterFirstTurn + 1)
    expect(events.slice(-2)).toEqual(['next:0:started', 'next:0:finished'])
    expect(soundMs(rec)).toBeGreaterThan(3000)
  })

  it('a stalled response times out and falls back instead of hanging', async () => {
    const { config } = await endpoint({ fault: () => ({ kind: 'stall', afterBytes: 4800 }) })
    const engine = new ProviderEngine(config, { limits: { idleTimeoutMs: 500 } })
    const { queue, events, errors } = queueOver(engine, true)
    capture = await startCapture()
    queue.enqueue({ turnId: 'st', index: 0, text: 'This answer stalls on the wire.' })
    await queue.idle()
    const rec = await capture.stop()
    capture = null
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/stalled/)
    expect(events).toEqual(['st:0:started', 'st:0:finished'])
    expect(soundMs(rec)).toBeGreaterThan(500)
  })

  it.each<[string, SpeechFault, RegExp]>([
    ['a 500 error', { kind: 'status', status: 500 }, /answered 500: scripted failure/],
    [
      'a JSON error sent with a 200',
      { kind: 'error-as-200', message: 'quota exceeded' },
      /sent application\/json, not audio: quota exceeded/
    ],
    ['MP3 from a server that ignores response_format', { kind: 'sends', format: 'mp3' }, /sent MP3 audio/],
    [
      'MP3 labelled only as bytes',
      { kind: 'sends', format: 'mp3', contentType: 'application/octet-stream' },
      /sent MP3 audio/
    ]
  ])('%s: none of it is played, the system voice speaks instead, with one notice', async (_what, fault, notice) => {
    const { config } = await endpoint({ fault: () => fault })
    const { queue, events, errors } = queueOver(new ProviderEngine(config), true)
    capture = await startCapture()
    queue.enqueue({ turnId: 'm', index: 0, text: 'Spoken by the system voice.' })
    queue.enqueue({ turnId: 'm', index: 1, text: 'And this too.' })
    await queue.idle()
    await sleep(300)
    const rec = await capture.stop()
    capture = null
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(notice)
    expect(events).toEqual([0, 1].flatMap((i) => [`m:${i}:started`, `m:${i}:finished`]))
    expect(soundMs(rec)).toBeGreaterThan(500)
  })

  it('never sends the key to another origin: a redirect to a second server is refused before it is asked', async () => {
    const seen: IncomingMessage[] = []
    const other = createServer((req, res) => {
      seen.push(req)
      res.end()
    })
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r))
    cleanups.push(() => new Promise<void>((r) => other.close(() => r())))
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1/audio/speech`
    const { speech, config } = await endpoint({ fault: () => ({ kind: 'redirect', location: otherUrl }) })
    const engine = new ProviderEngine(config)
    const failure = await engine
      .speak('Where does my key go?', { signal: new AbortController().signal })
      .catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(TtsError)
    expect((failure as TtsError).message).toMatch(/redirected to another origin; refused/)
    expect(speech.calls).toHaveLength(1)
    await sleep(200)
    expect(seen).toHaveLength(0)
  })

  it('lists the voices the server lists', async () => {
    const { config } = await endpoint({ voices: ['af_heart', 'bm_george'] })
    expect(await new ProviderEngine(config).voices()).toEqual(['af_heart', 'bm_george'])
  })
})
