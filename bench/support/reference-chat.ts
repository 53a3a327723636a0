import type { ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { FakeLlm } from '../../test/fake-llm'
import { encodeEvent, plainFraming, startSse, write } from '../../test/fake-llm/sse'
import { REFERENCE_ANSWER } from './reference-answer'

/** The reference pace: 250 ms to the first token, then a 3–5 character chunk every 30 ms. */
export const FIRST_TOKEN_MS = 250
export const CHUNK_MS = 30

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** The answer in 3, 4, 5, 3, … character pieces. */
function chunks(text: string): string[] {
  const out: string[] = []
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = 3 + (i % 3)
    out.push(text.slice(at, at + size))
    at += size
  }
  return out
}

export interface ChatLog {
  requestAt: number
  /** performance.now() of each write and the answer length after it */
  writes: Array<{ at: number; length: number }>
}

/** The reference answer as a chat endpoint: streamed at the reference pace, or all at once when it is done. */
export function installReferenceChat(fake: FakeLlm): ChatLog {
  const log: ChatLog = { requestAt: 0, writes: [] }
  fake.route('POST /v1/chat/completions', async (_req, res, _raw, record) => {
    log.requestAt = performance.now()
    log.writes = []
    const stream = (record.body as { stream?: boolean }).stream === true
    const pieces = chunks(REFERENCE_ANSWER)
    if (!stream) {
      await sleep(FIRST_TOKEN_MS + CHUNK_MS * pieces.length)
      return batchAnswer(res)
    }
    startSse(res)
    await sleep(FIRST_TOKEN_MS)
    let length = 0
    for (const content of pieces) {
      const delta = { id: 'ref', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] }
      if (!write(res, encodeEvent(JSON.stringify(delta), plainFraming))) return
      length += content.length
      log.writes.push({ at: performance.now(), length })
      await sleep(CHUNK_MS)
    }
    const end = {
      id: 'ref',
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }]
    }
    write(res, encodeEvent(JSON.stringify(end), plainFraming) + encodeEvent('[DONE]', plainFraming))
    res.end()
  })
  return log
}

function batchAnswer(res: ServerResponse): void {
  if (res.destroyed) return
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(
    JSON.stringify({
      id: 'ref',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: REFERENCE_ANSWER }, finish_reason: 'stop' }]
    })
  )
}
