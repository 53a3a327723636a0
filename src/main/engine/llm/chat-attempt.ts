import type { ChatChunk, ChatRequest, ProviderConfig } from './chat-types'
import { LlmError } from './chat-types'
import { ChunkMapper, type LooseChunk } from './chunk-mapper'
import { classifyError } from './classify-error'
import { hostOf } from './host'
import { createSdkClient } from './sdk-client'
import { RequestWatch } from './watched-fetch'

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000
export const DEFAULT_CONNECT_TIMEOUT_MS = 20_000
export const DEFAULT_BATCH_TIMEOUT_MS = 120_000
export const DEFAULT_TURN_TIMEOUT_MS = 600_000

/** A batch answer yields the same chunk sequence as a stream would, text in one piece. */
function* batchChunks(completion: LooseChunk): Generator<ChatChunk> {
  const mapper = new ChunkMapper()
  yield* mapper.accept(completion)
  yield* mapper.end()
}

/** A stream that simply ended, without a finish_reason or [DONE], was cut off: it is not a whole answer. */
const cutOff = (provider: ProviderConfig) =>
  new LlmError(
    'interrupted',
    `The answer from ${hostOf(provider.baseUrl)} ended before it was finished. Continue or try again.`,
    true
  )

/**
 * One HTTP request, streamed or not. Yields chunks as they arrive; throws only
 * LlmError. Whatever happens, the connection is closed when this ends.
 * `deadlineAt` (performance.now()) ends the whole turn, retries included.
 */
export async function* chatAttempt(
  provider: ProviderConfig,
  request: ChatRequest,
  deadlineAt?: number
): AsyncGenerator<ChatChunk> {
  const idleTimeoutMs = provider.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const connect = provider.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  const headersTimeoutMs = request.stream
    ? connect
    : Math.max(connect, provider.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS)
  const watch = new RequestWatch({
    headersTimeoutMs,
    idleTimeoutMs,
    deadlineAt,
    signal: request.signal,
    expectEventStream: request.stream,
    limits: provider.bodyLimits
  })
  const context = () => ({
    provider,
    cause: watch.cause,
    breach: watch.breach,
    headersReceived: watch.headersReceived,
    headersTimeoutMs,
    idleTimeoutMs,
    turnTimeoutMs: provider.turnTimeoutMs ?? DEFAULT_TURN_TIMEOUT_MS
  })
  try {
    const client = createSdkClient(provider, watch.fetch, headersTimeoutMs + 5_000)
    const base = { model: provider.model, messages: request.messages }
    if (request.stream) {
      const stream = await client.chat.completions.create(
        { ...base, stream: true, stream_options: { include_usage: true } },
        { signal: watch.signal }
      )
      const mapper = new ChunkMapper()
      for await (const chunk of stream) {
        // Chunks the SDK already decoded must not delay a Stop.
        if (watch.cause) break
        yield* mapper.accept(chunk as LooseChunk)
      }
      // The SDK ends an aborted stream silently: our watch knows whether it was.
      if (watch.cause) throw classifyError(new Error('request ended'), context())
      if (!mapper.sawFinish && !watch.sawEnd) throw cutOff(provider)
      yield* mapper.end()
    } else {
      const completion = await client.chat.completions.create({ ...base, stream: false }, { signal: watch.signal })
      if (watch.cause) throw classifyError(new Error('request ended'), context())
      yield* batchChunks(completion as LooseChunk)
    }
  } catch (err) {
    throw classifyError(err, context())
  } finally {
    watch.dispose()
  }
}
