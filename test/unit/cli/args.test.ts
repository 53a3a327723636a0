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
})
