import { describe, expect, it } from 'vitest'
import { keyUrlFor, providerConfig } from '../../../../src/main/app/provider/provider-config'
import { Settings } from '../../../../src/shared/settings'

describe('providerConfig', () => {
  it('carries every provider time limit of the settings to the turn', () => {
    const s = Settings.parse({ provider: { connectTimeoutSec: 7, idleTimeoutSec: 9, turnTimeoutSec: 120 } })
    expect(providerConfig(s, () => undefined, {})).toMatchObject({
      connectTimeoutMs: 7000,
      idleTimeoutMs: 9000,
      turnTimeoutMs: 120_000
    })
  })
})

describe('keyUrlFor', () => {
  it("binds a key saved for the voice to the speech endpoint's URL, not the chat provider's", () => {
    const s = Settings.parse({
      provider: { preset: 'openai', baseUrl: 'https://api.openai.com/v1' },
      speech: { provider: { baseUrl: 'https://api.groq.com/openai/v1' } }
    })
    expect(keyUrlFor(s, 'speech', {})).toBe('https://api.groq.com/openai/v1')
    expect(keyUrlFor(s, 'openai', {})).toBe('https://api.openai.com/v1')
  })
})
