import type { ProviderTestResult } from '@shared/ipc/provider'
import { LlmError, type ChatStreamer, type ProviderConfig } from '../../engine/llm/chat-types'

const PROBE_TIMEOUT_MS = 20_000

/**
 * One tiny request to prove a provider works: the key is accepted, the model
 * exists, text comes back. Never throws; the message says what to fix.
 */
export async function probeProvider(streamChat: ChatStreamer, provider: ProviderConfig): Promise<ProviderTestResult> {
  const started = Date.now()
  const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS)
  const ms = (): number => Date.now() - started
  try {
    let text = ''
    const request = {
      messages: [{ role: 'user' as const, content: 'Reply with the single word: OK' }],
      stream: true,
      signal
    }
    for await (const chunk of streamChat({ ...provider, maxRetries: 0 }, request)) {
      if (chunk.type === 'text') text += chunk.text
      if (text.length > 200) break // proof enough; do not pay for a long reply
    }
    if (!text.trim())
      return { ok: false, message: `${provider.model} answered with no text. Try another model.`, ms: ms() }
    return { ok: true, message: `${provider.model} answered in ${(ms() / 1000).toFixed(1)} s.`, ms: ms() }
  } catch (err) {
    return { ok: false, message: describeFailure(err), ms: ms() }
  }
}

function describeFailure(err: unknown): string {
  if (!(err instanceof LlmError)) return `The test failed: ${err instanceof Error ? err.message : String(err)}`
  switch (err.kind) {
    case 'auth':
      return 'The key was refused. Check that it is complete and belongs to this provider.'
    case 'not-found':
      return `${err.message} Check the base URL and the model name.`
    case 'network':
    case 'timeout':
      return `The provider could not be reached (${err.message}). Check the base URL and your connection.`
    default:
      return err.message
  }
}
