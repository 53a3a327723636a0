import type { FakeLlm } from '../fake-llm'
import type { RequestRecord } from '../fake-llm/types'
import { TITLE_INSTRUCTION } from '../../src/main/engine/llm/title-request'

/** The background request that names a conversation after its first answer. */
export function isTitleRequest(r: RequestRecord): boolean {
  const body = r.body as { messages?: Array<{ role: string; content: string }> } | undefined
  return body?.messages?.[0]?.content === TITLE_INSTRUCTION
}

/** The chat requests that answer the user, without the title requests between them. */
export function answerRequests(llm: FakeLlm): RequestRecord[] {
  return llm.requests.filter((r) => r.path === '/v1/chat/completions' && !isTitleRequest(r))
}
