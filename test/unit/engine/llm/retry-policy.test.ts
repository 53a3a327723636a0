import { describe, expect, it } from 'vitest'
import { retryAfterMsOf, retryDelayMs, retryPolicyOf } from '../../../../src/main/engine/llm/retry-policy'

describe('retryAfterMsOf', () => {
  it('prefers retry-after-ms, then retry-after seconds, then an HTTP date', () => {
    expect(retryAfterMsOf(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250)
    expect(retryAfterMsOf(new Headers({ 'retry-after': '2' }))).toBe(2000)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000)
    expect(retryAfterMsOf(new Headers({}))).toBeUndefined()
    expect(retryAfterMsOf(undefined)).toBeUndefined()
  })
})

describe('retryDelayMs', () => {
  const policy = retryPolicyOf({ baseUrl: 'x', apiKey: '', model: 'm', retryBaseDelayMs: 1000 })
  it('uses the server wish when given', () => {
    expect(retryDelayMs(1, policy, 1234)).toBe(1234)
  })
  it('doubles from the base with bounded jitter, capped per delay', () => {
    expect(retryDelayMs(1, policy, undefined, () => 0.5)).toBe(1000)
    expect(retryDelayMs(2, policy, undefined, () => 0.5)).toBe(2000)
    expect(retryDelayMs(10, policy, undefined, () => 0.5)).toBe(8000)
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(850)
    expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(1150)
  })
})
