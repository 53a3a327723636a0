import OpenAI from 'openai'
import type { ProviderConfig } from './chat-types'

/** Placeholder key for local servers that need none (the SDK insists on one). */
const NO_KEY = 'no-key'

/**
 * An SDK client that does no retrying of its own (we retry, and report it) and
 * ignores OPENAI_* environment variables: everything comes from the provider.
 */
export function createSdkClient(p: ProviderConfig, fetchImpl: typeof fetch, timeoutMs: number): OpenAI {
  return new OpenAI({
    apiKey: p.apiKey || NO_KEY,
    baseURL: p.baseUrl,
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: timeoutMs,
    fetch: fetchImpl,
    defaultHeaders: p.headers
  })
}
