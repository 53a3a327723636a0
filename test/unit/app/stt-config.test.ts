import { describe, expect, it } from 'vitest'
import { sttConfig } from '../../../src/main/app/stt-config'
import { Settings } from '../../../src/shared/settings'

describe('sttConfig', () => {
  it('defaults to the chat provider’s endpoint and key', () => {
    const s = Settings.parse({ provider: { baseUrl: 'https://api.groq.com/openai/v1' }, voiceInput: { sttModel: 'whisper-large-v3', language: 'en' } })
    expect(sttConfig(s, 'gsk-key', {})).toMatchObject({
      baseUrl: 'https://api.groq.com/openai/v1',
      apiKey: 'gsk-key',
      model: 'whisper-large-v3',
      language: 'en'
    })
  })

  it('uses its own endpoint when set, and the environment over both', () => {
    const s = Settings.parse({ voiceInput: { sttBaseUrl: 'http://localhost:9000/v1' } })
    expect(sttConfig(s, 'k', {}).baseUrl).toBe('http://localhost:9000/v1')
    expect(sttConfig(s, 'k', { HARK_STT_BASE_URL: 'http://127.0.0.1:1/v1', HARK_STT_MODEL: 'm' })).toMatchObject({
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm'
    })
  })
})
