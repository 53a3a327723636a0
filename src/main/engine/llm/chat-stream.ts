import { chatAttempt, DEFAULT_TURN_TIMEOUT_MS } from './chat-attempt'
import { LlmError, type ChatChunk, type ChatRequest, type ChatStreamer, type ProviderConfig } from './chat-types'
import { classifyError, isUnreachable } from './classify-error'
import { hostOf, isLocalUrl } from './host'
import { retryDelayMs, retryPolicyOf, type RetryPolicy } from './retry-policy'

/** Nothing to call: say what is missing before touching the network. */
function configError(p: ProviderConfig): LlmError | null {
  let url: URL
  try {
    url = new URL(p.baseUrl)
  } catch {
    return new LlmError('config', `The base URL "${p.baseUrl}" is not a valid URL. Check it in Settings.`, false)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return new LlmError('config', `The base URL must start with http:// or https:// (got "${p.baseUrl}").`, false)
  if (!p.model?.trim()) return new LlmError('config', 'No model is chosen. Pick one in Settings.', false)
  if (!p.apiKey && !isLocalUrl(p.baseUrl))
    return new LlmError(
      'config',
      `No API key is set for ${hostOf(p.baseUrl)}. Add one in Settings, or set OPENAI_API_KEY.`,
      false
    )
  return null
}

const autoRetryable = (e: LlmError) =>
  (e.kind === 'rate-limit' || e.kind === 'server' || e.kind === 'network' || e.kind === 'interrupted') &&
  e.retryable &&
  !isUnreachable(e)

/** Wait between retries; a Stop during the wait ends it at once. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('aborted', 'Stopped.', false))
    const stopped = () => {
      clearTimeout(timer)
      reject(new LlmError('aborted', 'Stopped.', false))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stopped)
      resolve()
    }, ms)
    signal?.addEventListener('abort', stopped, { once: true })
  })
}

/** The delay before the next retry, or null when retrying is not allowed or would wait too long (or past the deadline). */
function nextDelay(
  err: LlmError,
  retry: number,
  waited: number,
  policy: RetryPolicy,
  deadlineAt: number
): number | null {
  if (!autoRetryable(err) || retry > policy.maxRetries) return null
  const delay = retryDelayMs(retry, policy, err.retryAfterMs)
  const inTime = performance.now() + delay < deadlineAt
  return waited + delay <= policy.maxTotalWaitMs && inTime ? delay : null
}

async function* streamWithRetries(provider: ProviderConfig, request: ChatRequest): AsyncGenerator<ChatChunk> {
  const invalid = configError(provider)
  if (invalid) throw invalid
  const policy = retryPolicyOf(provider)
  const deadlineAt = performance.now() + (provider.turnTimeoutMs ?? DEFAULT_TURN_TIMEOUT_MS)
  let waited = 0
  for (let retry = 1; ; retry++) {
    let answered = false
    try {
      for await (const chunk of chatAttempt(provider, request, deadlineAt)) {
        if (chunk.type === 'text' || chunk.type === 'reasoning') answered = true
        yield chunk
      }
      return
    } catch (e) {
      const err =
        e instanceof LlmError
          ? e
          : classifyError(e, { provider, cause: null, headersReceived: false, headersTimeoutMs: 0, idleTimeoutMs: 0 })
      // Once words have been shown or spoken, a retry would repeat or contradict them.
      const delay = answered ? null : nextDelay(err, retry, waited, policy, deadlineAt)
      if (delay === null) throw err
      yield { type: 'retrying', attempt: retry, delayMs: delay, reason: err.message }
      await pause(delay, request.signal)
      waited += delay
    }
  }
}

/**
 * The LLM layer: streams (or fetches in one piece) an answer from any
 * OpenAI-compatible endpoint. Yields text, reasoning, usage and exactly one
 * finish; retries only before the first token; ends within provider.turnTimeoutMs
 * however the server behaves; throws only LlmError.
 */
export const streamChat: ChatStreamer = (provider, request) => streamWithRetries(provider, request)
