import type { ChatChunk, ChatRequest, ProviderConfig } from './chat-types'
import { ChunkMapper, type LooseChunk } from './chunk-mapper'
import { classifyError } from './classify-error'
import { createSdkClient } from './sdk-client'
import { RequestWatch } from './watched-fetch'

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000
export const DEFAULT_CONNECT_TIMEOUT_MS = 20_000
export const DEFAULT_BATCH_TIMEOUT_MS = 120_000

/** A batch answer yields the same chunk sequence as a stream would, text in one piece. */
function* batchChunks(completion: LooseChunk): Generator<ChatChunk> {
  const mapper = new ChunkMapper()
  yield* mapper.accept(completion)
  yield* mapper.end()
}

/**
 * One HTTP request, streamed or not. Yields chunks as they arrive; throws only
 * LlmError. Whatever happens, the connection is closed when this ends.
 */
export async function* chatAttempt(provider: ProviderConfig, request: ChatRequest): AsyncGenerator<ChatChunk> {
  const idleTimeoutMs = provider.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const connect = provider.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  const headersTimeoutMs = request.stream
    ? connect
    : Math.max(connect, provider.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS)
  const watch = new RequestWatch({
    headersTimeoutMs,
    idleTimeoutMs,
    signal: request.signal,
    expectEventStream: request.stream
  })
  const context = () => ({
    provider,
    cause: watch.cause,
    headersReceived: watch.headersReceived,
    headersTimeoutMs,
    idleTimeoutMs
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
      for await (const chunk of stream) yield* mapper.accept(chunk as LooseChunk)
      // The SDK ends an aborted stream silently: our watch knows whether it was.
      if (watch.cause) throw classifyError(new Error('request ended'), context())
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
