import { describe, expect, it } from 'vitest'
import {
  parseVoiceList,
  speechRequestBody,
  speechUrl,
  takesInstructions,
  type SpeechEndpoint
} from '../../../../src/main/engine/speech/speech-endpoint'
import { parseWavStart } from '../../../../src/main/engine/speech/wav-stream'
import { makeWav, paddedTone } from './wav-fixture'

const wavFixture = (): Buffer => makeWav(paddedTone(0, 0.1, 0), 0xffffffff)

const endpoint: SpeechEndpoint = {
  baseUrl: 'https://api.openai.com/v1',
  apiKey: 'sk',
  model: 'gpt-4o-mini-tts',
  voice: 'coral',
  instructions: 'Speak warmly.',
  format: 'pcm'
}

describe('speech request', () => {
  it('sends model, input, voice, format, and speed only when it is not normal', () => {
    expect(JSON.parse(speechRequestBody(endpoint, 'Hi.', 1))).toEqual({
      model: 'gpt-4o-mini-tts',
      input: 'Hi.',
      voice: 'coral',
      response_format: 'pcm',
      instructions: 'Speak warmly.'
    })
    expect(JSON.parse(speechRequestBody(endpoint, 'Hi.', 1.5)).speed).toBe(1.5)
  })

  it("sends instructions only to OpenAI's gpt-4o…-tts models, the ones known to take them", () => {
    for (const model of ['gpt-4o-mini-tts', 'gpt-4o-mini-tts-2025-03-20', 'gpt-4o-tts'])
      expect(takesInstructions(model), model).toBe(true)
    for (const model of ['tts-1', 'tts-1-hd', 'kokoro', 'playai-tts', 'speaches-ai/Kokoro-82M', 'gpt-4o-mini'])
      expect(takesInstructions(model), model).toBe(false)
    for (const model of ['tts-1', 'kokoro', 'playai-tts'])
      expect(JSON.parse(speechRequestBody({ ...endpoint, model }, 'Hi.', 1))).not.toHaveProperty('instructions')
  })

  it('refuses a voice or model that is not a name, with a clear message', () => {
    expect(() => speechRequestBody({ ...endpoint, voice: '' }, 'Hi.', 1)).toThrow(/invalid speech voice/)
    expect(() => speechRequestBody({ ...endpoint, model: 'a\nb' }, 'Hi.', 1)).toThrow(/invalid speech model/)
  })

  it('takes only http(s) URLs without credentials', () => {
    expect(speechUrl('http://127.0.0.1:8880/v1/', '/audio/speech').href).toBe('http://127.0.0.1:8880/v1/audio/speech')
    expect(() => speechUrl('file:///etc', '/audio/speech')).toThrow(/http or https/)
    expect(() => speechUrl('https://user:pw@host/v1', '/audio/speech')).toThrow(/credentials/)
    expect(() => speechUrl('', '/audio/speech')).toThrow(/not a URL/)
  })

  it('reads the voice lists servers send, and drops what is not a name', () => {
    expect(parseVoiceList({ voices: ['af_heart', 'am_adam'] })).toEqual(['af_heart', 'am_adam'])
    expect(parseVoiceList({ data: [{ voice_id: 'x1' }, { id: 'x2' }, { name: 'x3' }] })).toEqual(['x1', 'x2', 'x3'])
    expect(parseVoiceList([{ id: '<script>' }, 'ok'])).toEqual(['ok'])
    expect(parseVoiceList('nonsense')).toEqual([])
  })
})

describe('parseWavStart', () => {
  it('finds the format and the first sample of a streamed WAV', () => {
    const wav = wavFixture()
    const start = parseWavStart(wav)
    expect(start?.dataStart).toBe(44)
    expect(start?.format.channels).toBe(1)
  })

  it('waits for more bytes when the header is incomplete', () => {
    expect(parseWavStart(wavFixture().subarray(0, 30))).toBeNull()
  })

  it('refuses audio that is not 16-bit PCM WAV', () => {
    expect(() => parseWavStart(Buffer.from('<html>not audio</html>'))).toThrow(/not a WAV/)
    const float = Buffer.from(wavFixture())
    float.writeUInt16LE(3, 20)
    expect(() => parseWavStart(float)).toThrow(/16-bit PCM/)
  })
})
