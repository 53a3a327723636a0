import { LlmError, type ProviderConfig } from './chat-types'
import { classifyError } from './classify-error'
import { hostOf } from './host'
import { createSdkClient } from './sdk-client'
import { RequestWatch } from './watched-fetch'

const LIST_TIMEOUT_MS = 10_000

/** Model ids the endpoint offers, sorted. Throws LlmError; a 404 means the server cannot list (type the name instead). */
export async function listModels(provider: ProviderConfig, signal?: AbortSignal): Promise<string[]> {
  const timeoutMs = provider.connectTimeoutMs ?? LIST_TIMEOUT_MS
  const watch = new RequestWatch({
    headersTimeoutMs: timeoutMs,
    idleTimeoutMs: timeoutMs,
    signal,
    expectEventStream: false
  })
  try {
    const client = createSdkClient(provider, watch.fetch, timeoutMs + 5_000)
    const ids: string[] = []
    for await (const m of client.models.list({ signal: watch.signal })) ids.push(m.id)
    if (watch.cause && watch.cause !== 'done') throw new Error('request ended')
    return ids.sort()
  } catch (err) {
    const e = classifyError(err, {
      provider,
      cause: watch.cause,
      headersReceived: watch.headersReceived,
      headersTimeoutMs: timeoutMs,
      idleTimeoutMs: timeoutMs
    })
    if (e.kind === 'not-found')
      throw new LlmError(
        'not-found',
        `${hostOf(provider.baseUrl)} does not list its models at ${provider.baseUrl}/models. Type the model name instead.`,
        false,
        e.status
      )
    throw e
  } finally {
    watch.dispose()
  }
}
