import { describe, expect, it } from 'vitest'
import { providerConfig } from '../../../../src/main/app/provider/provider-config'
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
