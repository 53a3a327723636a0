import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorKind } from '../../../../src/shared/turn-events'
import type { ProviderConfig } from '../../../../src/main/engine/llm/chat-types'
import { DEFAULT_ANSWER, startFakeLlm, type FakeLlm, type ScenarioName } from '../../../fake-llm'
import { collect, types, watchProcessErrors } from './collect'

/** Hostile endpoints through streamChat: every one ends, with its own kind and message, the partial text kept. */
let fake: FakeLlm
beforeAll(async () => {
  // Drips and steady words every 300 ms: well inside the 1 s idle timeout, so only progress can tell.
  fake = await startFakeLlm({ timing: { tps: 400, delayMs: 300 } })
})
afterAll(() => fake.close())
watchProcessErrors()

const provider = (scenario: ScenarioName, extra: Partial<ProviderConfig> = {}): ProviderConfig => ({
  baseUrl: fake.url,
  apiKey: 'k',
  model: `scenario:${scenario}`,
  idleTimeoutMs: 1_000,
  turnTimeoutMs: 20_000,
  retryBaseDelayMs: 20,
  ...extra
})

const hostile: Array<[ScenarioName, ErrorKind, RegExp, Partial<ProviderConfig>?]> = [
  ['endless-comments', 'stalled', /sent 1 MB of keep-alive comments and no part of the answer/],
  ['endless-line', 'too-large', /sent a line longer than 1 MB/],
  ['huge-event', 'too-large', /sent one event larger than 4 MB/],
  ['gzip-bomb', 'too-large', /sent more than 32 MB for one answer \(counted after decompression\)/],
  ['drip', 'stalled', /stopped sending for 1 s/],
  ['never-ends', 'deadline', /was still answering after 2 s, the limit for one answer/, { turnTimeoutMs: 2_000 }],
  ['cut-off', 'interrupted', /ended before it was finished/]
]

describe('a hostile stream', () => {
  it.each(hostile)(
    '%s ends as %s with a message that says why, the partial text kept',
    async (scenario, kind, message, extra) => {
      const r = await collect(provider(scenario, extra))
      expect(r.foreign).toBeNull()
      expect(r.error?.kind).toBe(kind)
      expect(r.error?.message).toMatch(message)
      expect(r.text.length).toBeGreaterThan(10)
      expect(r.text.startsWith(DEFAULT_ANSWER.slice(0, 10))).toBe(true)
      expect(types(r)).not.toContain('finish')
      expect(r.ms).toBeLessThan(10_000)
    }
  )

  it.each([true, false])('a 200 MB JSON body ends as too-large (stream=%s) without reading it all', async (stream) => {
    const r = await collect(provider('huge-json'), { stream })
    expect(r.error?.kind).toBe('too-large')
    expect(r.error?.message).toMatch(/a response body larger than 8 MB/)
    expect(r.ms).toBeLessThan(6_000)
  })

  it('takes its limits from the provider config', async () => {
    const r = await collect(provider('endless-line', { bodyLimits: { lineBytes: 64 * 1024 } }))
    expect(r.error?.message).toMatch(/a line longer than 64 KB/)
  })

  it('cut off after some text is retryable by hand but not retried, since the words were shown', async () => {
    const before = fake.requests.length
    const r = await collect(provider('cut-off', { maxRetries: 3 }))
    expect(r.error).toMatchObject({ kind: 'interrupted', retryable: true })
    expect(fake.requests.length - before).toBe(1)
  })
})

describe('the turn deadline', () => {
  it('also ends a wait for headers', async () => {
    const r = await collect(provider('slow-headers', { connectTimeoutMs: 10_000, turnTimeoutMs: 500 }))
    expect(r.error?.kind).toBe('deadline')
    expect(r.ms).toBeLessThan(1_500)
  })

  it('leaves no room for a retry that would end after it', async () => {
    const r = await collect(
      provider('server-error', { turnTimeoutMs: 1_500, retryBaseDelayMs: 1_000, maxRetries: 5, maxRetryWaitMs: 60_000 })
    )
    expect(r.error?.kind).toBe('server')
    expect(types(r).filter((t) => t === 'retrying')).toHaveLength(1)
    expect(r.ms).toBeLessThan(1_500)
  })
})

/** A raw server that answers one SSE stream and keeps writing words whatever happens to the socket. */
async function relentlessServer(): Promise<{ url: string; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = []
  const server = createServer((socket) => {
    sockets.push(socket)
    socket.on('error', () => {})
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n')
      const event = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: ' word' } }] })}\n\n`
      const flood = () => {
        if (socket.destroyed) return
        socket.write(event.repeat(64))
        setImmediate(flood)
      }
      flood()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`, server, sockets }
}

describe('Stop', () => {
  const stopAfterText = async (p: ProviderConfig, stream = true) => {
    const stop = new AbortController()
    let stoppedAt = 0
    const r = await collect(p, {
      stream,
      signal: stop.signal,
      onChunk: (c) => {
        if (c.type !== 'text' || stoppedAt) return
        stoppedAt = -1
        setTimeout(() => {
          stoppedAt = performance.now()
          stop.abort()
        }, 50)
      }
    })
    return { r, afterStopMs: performance.now() - stoppedAt }
  }

  it.each(['endless-answer', 'endless-comments', 'huge-event', 'gzip-bomb', 'drip'] as ScenarioName[])(
    'ends a %s turn within 100 ms, the text kept',
    async (scenario) => {
      const { r, afterStopMs } = await stopAfterText(provider(scenario, { bodyLimits: { streamBytes: 2 ** 40 } }))
      expect(r.error?.kind).toBe('aborted')
      expect(r.text.length).toBeGreaterThan(10)
      expect(afterStopMs).toBeLessThan(100)
    }
  )

  it('ends within 100 ms against a server that ignores the close and keeps sending', async () => {
    const relentless = await relentlessServer()
    try {
      const { r, afterStopMs } = await stopAfterText({ ...provider('normal'), baseUrl: relentless.url })
      expect(r.error?.kind).toBe('aborted')
      expect(afterStopMs).toBeLessThan(100)
    } finally {
      relentless.sockets.forEach((s) => s.destroy())
      relentless.server.close()
    }
  })
})
