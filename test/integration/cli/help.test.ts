import { describe, expect, it } from 'vitest'
import { runHark } from '../../support/run-cli'

describe('hark --help', () => {
  it('lists the provider-voice flags of hark ask', async () => {
    const run = await runHark(['--help'])
    expect(run.code).toBe(0)
    for (const flag of [
      '--speak system|provider|print|none',
      '--speech-base-url URL',
      '--speech-preset openai|groq|local',
      '--speech-model NAME',
      '--voice NAME',
      '--speech-api-key KEY',
      '--speech-instructions TEXT',
      '--speech-format pcm|wav'
    ])
      expect(run.stdout).toContain(flag)
  })

  it('names the unknown preset and shows the usage, with exit code 2', async () => {
    const run = await runHark(['ask', '--speak', 'provider', '--speech-preset', 'elevenlabs', 'hi'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("--speech-preset must be openai, groq, local (got 'elevenlabs')")
    expect(run.stderr).toContain('Usage: hark ask')
  })
})
