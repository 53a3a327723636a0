import { describe, expect, it } from 'vitest'
import { sttConfig } from '../../../../src/main/app/voice/stt-config'
import { Settings } from '../../../../src/shared/settings'

/** Keys as the key store hands them out: only for the origin they were saved for. */
const keysFor = (byOrigin: Record<string, string>) => (url: string) => byOrigin[new URL(url).origin]

describe('sttConfig', () => {
  it('defaults to the chat provider’s endpoint and key', () => {
    const s = Settings.parse({
      provider: { baseUrl: 'https://api.groq.com/openai/v1' },
      voiceInput: { sttModel: 'whisper-large-v3', language: 'en' }
    })
    expect(sttConfig(s, keysFor({ 'https://api.groq.com': 'gsk-key' }), {})).toMatchObject({
      baseUrl: 'https://api.groq.com/openai/v1',
      apiKey: 'gsk-key',
      model: 'whisper-large-v3',
      language: 'en'
    })
  })

  it('uses its own endpoint when set, and the environment over both', () => {
    const s = Settings.parse({ voiceInput: { sttBaseUrl: 'http://localhost:9000/v1' } })
    expect(sttConfig(s, keysFor({}), {}).baseUrl).toBe('http://localhost:9000/v1')
    expect(
      sttConfig(s, keysFor({}), { HARK_STT_BASE_URL: 'http://127.0.0.1:1/v1', HARK_STT_MODEL: 'm' })
    ).toMatchObject({
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm'
    })
  })

  it('never sends the chat key to a different speech-to-text host', () => {
    const s = Settings.parse({ voiceInput: { sttBaseUrl: 'http://192.168.1.9:9000/v1' } })
    expect(sttConfig(s, keysFor({ 'https://api.openai.com': 'sk-chat' }), {}).apiKey).toBe('')
  })
})

describe('sttConfig and the environment key', () => {
  it('sends OPENAI_API_KEY only to the origin of OPENAI_BASE_URL', () => {
    const env = { OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1', OPENAI_API_KEY: 'sk-env' }
    const same = Settings.parse({ voiceInput: { sttBaseUrl: 'http://127.0.0.1:4000/stt' } })
    const other = Settings.parse({ voiceInput: { sttBaseUrl: 'http://127.0.0.1:4001/v1' } })
    expect(sttConfig(same, keysFor({}), env).apiKey).toBe('sk-env')
    expect(sttConfig(other, keysFor({}), env).apiKey).toBe('')
  })
})
