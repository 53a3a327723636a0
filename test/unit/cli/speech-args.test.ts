import { describe, expect, it } from 'vitest'
import { parseAskArgs, usage } from '../../../src/cli/args'

const endpoint = (flags: string[], env: NodeJS.ProcessEnv = {}) =>
  parseAskArgs(['--speak', 'provider', ...flags, 'hi'], env).speechEndpoint

describe('--speech-preset', () => {
  it('fills in the base URL, model, voice and format of the named service', () => {
    expect(endpoint(['--speech-preset', 'groq'])).toMatchObject({
      baseUrl: 'https://api.groq.com/openai/v1',
      model: 'playai-tts',
      voice: 'Fritz-PlayAI',
      format: 'wav'
    })
    expect(endpoint(['--speech-preset', 'local'])).toMatchObject({
      baseUrl: 'http://127.0.0.1:8880/v1',
      model: 'kokoro',
      voice: 'af_heart',
      format: 'pcm'
    })
    expect(endpoint(['--speech-preset', 'openai'])).toMatchObject({
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini-tts',
      voice: 'coral'
    })
  })

  it('gives way to the flags and to HARK_SPEECH_BASE_URL', () => {
    const flags = [
      '--speech-preset',
      'local',
      '--voice',
      'am_adam',
      '--speech-model',
      'tts-1',
      '--speech-format',
      'wav'
    ]
    expect(endpoint(flags)).toMatchObject({ model: 'tts-1', voice: 'am_adam', format: 'wav' })
    const env = { HARK_SPEECH_BASE_URL: 'http://127.0.0.1:9000/v1' }
    expect(endpoint(['--speech-preset', 'local'], env)?.baseUrl).toBe('http://127.0.0.1:9000/v1')
    expect(endpoint(['--speech-preset', 'local', '--speech-base-url', 'http://[::1]:1/v1'], env)?.baseUrl).toBe(
      'http://[::1]:1/v1'
    )
  })

  it("sends the chat key to a preset only when it is the chat endpoint's origin", () => {
    const env = { OPENAI_API_KEY: 'sk-chat' }
    expect(endpoint(['--speech-preset', 'openai'], env)?.apiKey).toBe('sk-chat')
    expect(endpoint(['--speech-preset', 'groq'], env)?.apiKey).toBe('')
    expect(endpoint(['--speech-preset', 'groq', '--speech-api-key', 'gsk'], env)?.apiKey).toBe('gsk')
  })

  it('without a preset, speaks at the chat endpoint with OpenAI model and voice names', () => {
    const env = { OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1' }
    expect(endpoint([], env)).toMatchObject({
      baseUrl: 'http://127.0.0.1:1234/v1',
      model: 'gpt-4o-mini-tts',
      voice: 'coral',
      format: 'pcm'
    })
  })

  it('rejects a service it does not know, naming the ones it does', () => {
    expect(() => endpoint(['--speech-preset', 'custom'])).toThrow(/openai, groq, local.*'custom'/)
    expect(() => endpoint(['--speech-preset', '../etc'])).toThrow(/--speech-preset/)
  })

  it('is listed in the usage', () => {
    expect(usage).toContain('--speech-preset openai|groq|local')
  })
})
