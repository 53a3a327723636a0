import type { ProviderConfig } from './chat-types'

export interface RetryPolicy {
  maxRetries: number
  baseDelayMs: number
  maxDelayMs: number
  maxTotalWaitMs: number
}

export function retryPolicyOf(p: ProviderConfig): RetryPolicy {
  return {
    maxRetries: Math.max(0, p.maxRetries ?? 2),
    baseDelayMs: p.retryBaseDelayMs ?? 1000,
    maxDelayMs: 8000,
    maxTotalWaitMs: p.maxRetryWaitMs ?? 20_000
  }
}

/** The server's own wish: `retry-after-ms` (OpenAI), then `retry-after` in seconds or as an HTTP date. */
export function retryAfterMsOf(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '')
  if (Number.isFinite(ms) && ms >= 0) return ms
  const raw = headers?.get('retry-after')
  if (!raw) return undefined
  const seconds = Number.parseFloat(raw)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(raw)
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined
}

/** Delay before retry number `attempt` (1-based): the server's wish when given, else exponential with a little jitter. */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random = Math.random
): number {
  if (retryAfterMs !== undefined) return Math.ceil(retryAfterMs)
  const exp = policy.baseDelayMs * 2 ** (attempt - 1)
  return Math.round(Math.min(policy.maxDelayMs, exp) * (0.85 + 0.3 * random()))
}
