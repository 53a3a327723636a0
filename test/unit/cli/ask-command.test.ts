import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runAsk } from '../../../src/cli/ask-command'
import type { AskArgs } from '../../../src/cli/args'
import type { ChatStreamer } from '../../../src/main/engine/llm/chat-types'
import { naiveSegmenter } from '../../support/engine-fakes'

const args: AskArgs = {
  prompt: 'q',
  baseUrl: 'http://127.0.0.1:1/v1',
  apiKey: 'k',
  model: 'm',
  system: undefined,
  speak: 'none',
  speechEndpoint: null,
  stream: true,
  idleTimeoutMs: 1000,
  turnTimeoutMs: 10_000,
  json: false
}

/** A model that would send 100 chunks, counting how many the turn has taken. */
function countingStream(): ChatStreamer & { taken: number } {
  const fn = async function* () {
    for (let i = 0; i < 100; i++) {
      fn.taken++
      yield { type: 'text' as const, text: `Chunk ${i}. ` }
    }
    yield { type: 'finish' as const, reason: 'stop' as const }
  } as unknown as ChatStreamer & { taken: number }
  fn.taken = 0
  return fn
}

/** A stdout whose reader has stopped reading: every write stays pending. */
const stuckStdout = () => new Writable({ highWaterMark: 16, write: () => {} })

const nowhere = new Writable({ write: (_c, _e, cb) => cb() })

describe('hark ask printing to a reader that does not keep up', () => {
  it('takes no more of the answer while stdout is full', async () => {
    const stream = countingStream()
    const controller = new AbortController()
    const done = runAsk(
      args,
      { streamChat: stream, createSegmenter: naiveSegmenter, speech: null, stdout: stuckStdout(), stderr: nowhere },
      controller.signal
    )
    await new Promise((r) => setTimeout(r, 100))
    // the chunk that filled the buffer, and the one already pulled when the turn saw it full
    expect(stream.taken).toBeLessThanOrEqual(3)
    controller.abort()
    expect(await done).toBe(130)
  })

  it('stops at once when stopped while waiting for stdout', async () => {
    const controller = new AbortController()
    const done = runAsk(
      args,
      {
        streamChat: countingStream(),
        createSegmenter: naiveSegmenter,
        speech: null,
        stdout: stuckStdout(),
        stderr: nowhere
      },
      controller.signal
    )
    await new Promise((r) => setTimeout(r, 50))
    controller.abort()
    const stillWaiting = new Promise((r) => setTimeout(() => r('still waiting for stdout'), 2000))
    expect(await Promise.race([done, stillWaiting])).toBe(130)
  })
})
