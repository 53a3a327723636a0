import { describe, expect, it } from 'vitest'
import { parseAskArgs, UsageError } from '../../../src/cli/args'

describe('parseAskArgs', () => {
  it('lets flags beat the environment and the environment beat defaults', () => {
    const env = { OPENAI_BASE_URL: 'http://env/v1', OPENAI_API_KEY: 'env-key', HARK_MODEL: 'env-model' }
    expect(parseAskArgs(['hello'], env)).toMatchObject({
      baseUrl: 'http://env/v1',
      apiKey: 'env-key',
      model: 'env-model'
    })
    expect(parseAskArgs(['--model', 'flag-model', '--base-url', 'http://flag/v1', 'hi'], env)).toMatchObject({
      baseUrl: 'http://flag/v1',
      model: 'flag-model'
    })
  })

  it('parses speech mode, batch mode, idle timeout and json', () => {
    expect(
      parseAskArgs(['--speak', 'print', '--no-stream', '--idle-timeout', '2.5', '--json', 'a', 'b'], {})
    ).toMatchObject({
      prompt: 'a b',
      speak: 'print',
      stream: false,
      idleTimeoutMs: 2500,
      json: true
    })
  })

  it('rejects a missing prompt, an unknown speech mode and a bad timeout', () => {
    expect(() => parseAskArgs([], {})).toThrow(UsageError)
    expect(() => parseAskArgs(['--speak', 'loud', 'x'], {})).toThrow(/--speak/)
    expect(() => parseAskArgs(['--idle-timeout', '-1', 'x'], {})).toThrow(/--idle-timeout/)
    expect(() => parseAskArgs(['--bogus', 'x'], {})).toThrow()
  })

  it('--speak provider takes the speech endpoint, model, voice and instructions', () => {
    const args = parseAskArgs(
      [
        '--speak',
        'provider',
        '--speech-base-url',
        'http://127.0.0.1:8880/v1',
        '--speech-model',
        'kokoro',
        '--voice',
        'af_heart',
        '--speech-instructions',
        'calm',
        'hi'
      ],
      { OPENAI_API_KEY: 'sk-chat' }
    )
    expect(args.speechEndpoint).toEqual({
      baseUrl: 'http://127.0.0.1:8880/v1',
      apiKey: '',
      model: 'kokoro',
      voice: 'af_heart',
      instructions: 'calm',
      format: 'pcm'
    })
  })

  it("the chat key reaches the speech endpoint only at the chat endpoint's origin", () => {
    const env = { OPENAI_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: 'sk-chat' }
    expect(parseAskArgs(['--speak', 'provider', 'hi'], env).speechEndpoint?.apiKey).toBe('sk-chat')
    const elsewhere = ['--speak', 'provider', '--speech-base-url', 'https://tts.example.com/v1', 'hi']
    expect(parseAskArgs(elsewhere, env).speechEndpoint?.apiKey).toBe('')
    expect(parseAskArgs(elsewhere, { ...env, HARK_SPEECH_API_KEY: 'sk-tts' }).speechEndpoint?.apiKey).toBe('sk-tts')
    expect(parseAskArgs(['hi'], env).speechEndpoint).toBeNull()
    expect(() => parseAskArgs(['--speak', 'provider', '--speech-format', 'mp3', 'hi'], env)).toThrow(/--speech-format/)
  })
})
