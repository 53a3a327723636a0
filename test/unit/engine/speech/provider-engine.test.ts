import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeLlm } from '../../../fake-llm'
import { installSpeech } from '../../../fake-llm/speech'
import { ProviderEngine } from '../../../../src/main/engine/speech/provider-engine'
import { TtsError } from '../../../../src/main/engine/speech/speech-types'
import { FakePlayer } from './fake-player'
import { makeWav, paddedTone } from './wav-fixture'

let player: FakePlayer
const servers: Server[] = []
beforeEach(() => (player = new FakePlayer()))
afterEach(async () => {
  player.restore()
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
})

/** An endpoint answering every request 200 with this content-type and body. */
async function serving(contentType: string | null, body: Buffer | string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, contentType ? { 'content-type': contentType } : {})
    res.end(body)
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
}

async function speak(baseUrl: string, format: 'pcm' | 'wav' = 'pcm'): Promise<void> {
  const engine = new ProviderEngine(
    { baseUrl, apiKey: '', model: 'tts', voice: 'en', format },
    { findPlayer: () => ({ cmd: 'paplay', args: [] }), trimSilence: false, warmPlayer: false }
  )
  await engine.speak('Hello there.', { signal: new AbortController().signal })
}

async function failure(baseUrl: string, format: 'pcm' | 'wav' = 'pcm'): Promise<TtsError> {
  const err = await speak(baseUrl, format).then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(TtsError)
  return err as TtsError
}

/** an MP3 as servers that ignore response_format send it: an ID3 tag, then frames */
const mp3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 0xfb)])
const tone = makeWav(paddedTone(0, 0.2, 0))

describe('the provider voice plays only audio it can play', () => {
  it.each<[string, string | null, Buffer | string, RegExp]>([
    [
      'a JSON error sent with 200',
      'application/json',
      JSON.stringify({ error: { message: 'quota exceeded' } }),
      /sent application\/json, not audio: quota exceeded/
    ],
    ['an HTML page', 'text/html; charset=utf-8', '<html><body>Bad gateway</body></html>', /sent text\/html, not audio/],
    ['MP3 labelled as MP3', 'audio/mpeg', mp3, /sent MP3 audio/],
    ['MP3 labelled as bytes', 'application/octet-stream', mp3, /sent MP3 audio/],
    [
      'Ogg labelled as bytes',
      'application/octet-stream',
      Buffer.concat([Buffer.from('OggS'), Buffer.alloc(500)]),
      /Ogg/
    ],
    ['an unlabelled JSON error', null, '{"error": {"message": "model not found"}}', /sent text, not audio/]
  ])('refuses %s, with a clear message, and plays none of it', async (_what, type, body, message) => {
    const err = await failure(await serving(type, body))
    expect(err.code).toBe('failed')
    expect(err.message).toMatch(message)
    expect(player.started()).toBe(0)
  })

  it('plays raw PCM at the rate OpenAI sends it', async () => {
    const pcm = tone.subarray(44)
    await speak(await serving('audio/pcm', pcm))
    const [run] = player.played()
    expect(run!.argv).toContain('--rate=24000')
    expect(run!.audio.equals(pcm)).toBe(true)
  })

  it('plays a WAV sent where PCM was asked at its own rate, without its header', async () => {
    await speak(await serving('audio/wav', tone))
    const [run] = player.played()
    expect(run!.argv).toContain('--rate=16000')
    expect(run!.audio.equals(tone.subarray(44))).toBe(true)
  })

  it("plays the WAV the fake endpoint sends where PCM was asked at espeak-ng's own rate", async () => {
    const fake = await startFakeLlm()
    try {
      installSpeech(fake, { realtime: 50, fault: () => ({ kind: 'sends', format: 'wav' }) })
      await speak(fake.url)
    } finally {
      await fake.close()
    }
    const [run] = player.played()
    expect(run!.argv).toContain('--rate=22050')
    expect(run!.audio.subarray(0, 4).toString('latin1')).not.toBe('RIFF')
  })

  it('refuses a body that is not a WAV where a WAV was asked', async () => {
    expect((await failure(await serving('audio/wav', tone.subarray(44)), 'wav')).message).toMatch(/not a WAV/)
  })

  it('says so when a server answers 200 with no audio at all', async () => {
    expect((await failure(await serving('audio/pcm', ''))).message).toMatch(/ended before any audio/)
  })
})
