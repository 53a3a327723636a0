import { describe, expect, it } from 'vitest'
import { createEndpointWarmer, endpointsOf } from '../../../../src/main/app/provider/endpoint-warmer'
import { Settings } from '../../../../src/shared/settings'

describe('endpoint warmer', () => {
  it('names the chat endpoint once when speech-to-text uses the same provider', () => {
    const s = Settings.parse({ provider: { baseUrl: 'https://api.groq.com/openai/v1' } })
    expect(endpointsOf(s, {})).toEqual(['https://api.groq.com/openai/v1'])
  })

  it('names the speech-to-text endpoint too when it is elsewhere', () => {
    const s = Settings.parse({
      provider: { baseUrl: 'https://api.groq.com/openai/v1' },
      voiceInput: { sttBaseUrl: 'http://127.0.0.1:8000/v1' }
    })
    expect(endpointsOf(s, {})).toEqual(['https://api.groq.com/openai/v1', 'http://127.0.0.1:8000/v1'])
  })

  it('names a provider voice’s endpoint while it speaks', () => {
    const s = Settings.parse({
      provider: { baseUrl: 'https://api.groq.com/openai/v1' },
      speech: { engine: 'provider', provider: { baseUrl: 'http://127.0.0.1:8880/v1' } }
    })
    expect(endpointsOf(s, {})).toEqual(['https://api.groq.com/openai/v1', 'http://127.0.0.1:8880/v1'])
  })

  it('follows OPENAI_BASE_URL, as the turn does', () => {
    const s = Settings.parse({ provider: { baseUrl: 'https://api.groq.com/openai/v1' } })
    expect(endpointsOf(s, { OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' })).toEqual(['http://127.0.0.1:11434/v1'])
  })

  it('warms every endpoint of the current settings on each call', () => {
    let settings = Settings.parse({ provider: { baseUrl: 'https://one.example/v1' } })
    const warmed: string[] = []
    const warm = createEndpointWarmer(() => settings, { warm: async (url) => void warmed.push(url) }, {})
    warm()
    settings = Settings.parse({ provider: { baseUrl: 'https://two.example/v1' } })
    warm()
    expect(warmed).toEqual(['https://one.example/v1', 'https://two.example/v1'])
  })
})
