import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedPortUrl } from './closed-port'
import { streamChat } from '../../../../src/main/engine/llm/chat-stream'
import type { ProviderConfig } from '../../../../src/main/engine/llm/chat-types'
import { providerConfig } from '../../../../src/main/engine/llm/providers'
import { DEFAULT_ANSWER, startFakeLlm, type FakeLlm, type ScenarioName } from '../../../fake-llm'
import { ask, collect, types, watchProcessErrors } from './collect'

let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm({ timing: { delayMs: 10 } })
})
afterAll(() => fake.close())
watchProcessErrors()

const provider = (scenario: ScenarioName, extra: Partial<ProviderConfig> = {}): ProviderConfig => ({
  baseUrl: fake.url,
  apiKey: 'sk-test',
  model: `scenario:${scenario}`,
  idleTimeoutMs: 500,
  connectTimeoutMs: 800,
  retryBaseDelayMs: 20,
  ...extra
})

describe('Stop', () => {
  it('mid-answer closes the HTTP connection at once, keeps the partial text and throws aborted', async () => {
    const stop = new AbortController()
    let texts = 0
    const r = await collect(provider('normal'), {
      signal: stop.signal,
      onChunk: (c) => c.type === 'text' && ++texts === 3 && stop.abort()
    })
    expect(r.error?.kind).toBe('aborted')
    expect(r.text.length).toBeGreaterThan(0)
    expect(DEFAULT_ANSWER.startsWith(r.text)).toBe(true)
    const closed = await fake.waitForClose(undefined, 2_000)
    expect(closed).toMatchObject({ closedByClient: true, stillSending: true })
  })

  it('while waiting for headers closes the connection too', async () => {
    const stop = new AbortController()
    setTimeout(() => stop.abort(), 100)
    const r = await collect(provider('slow-headers', { connectTimeoutMs: 5_000 }), { signal: stop.signal })
    expect(r.error?.kind).toBe('aborted')
    expect(r.ms).toBeLessThan(2_000)
    expect(await fake.waitForClose(undefined, 2_000)).toMatchObject({ closedByClient: true })
  })

  it('during a retry wait ends it at once', async () => {
    const stop = new AbortController()
    const r = await collect(provider('server-error', { retryBaseDelayMs: 5_000 }), {
      signal: stop.signal,
      onChunk: (c) => c.type === 'retrying' && stop.abort()
    })
    expect(r.error?.kind).toBe('aborted')
    expect(r.ms).toBeLessThan(2_000)
  })

  it('before the call makes no request', async () => {
    const before = fake.requests.length
    const r = await collect(provider('normal'), { signal: AbortSignal.abort() })
    expect(r.error?.kind).toBe('aborted')
    expect(fake.requests.length).toBe(before)
  })

  it('by leaving the loop early (break) also closes the connection', async () => {
    for await (const c of streamChat(provider('stall-mid-body'), { messages: ask, stream: true }))
      if (c.type === 'text') break
    expect(await fake.waitForClose(undefined, 2_000)).toMatchObject({ closedByClient: true, stillSending: true })
  })
})

describe('stream endings', () => {
  it('[DONE] on a socket left open finishes promptly and closes the socket', async () => {
    const r = await collect(provider('done-keep-open', { idleTimeoutMs: 10_000 }))
    expect(r.chunks.at(-1)).toEqual({ type: 'finish', reason: 'stop' })
    expect(r.ms).toBeLessThan(5_000)
    expect(await fake.waitForClose(undefined, 2_000)).toMatchObject({ closedByClient: true })
  })

  it('a consumer slower than the idle timeout is not a stall', async () => {
    let text = ''
    let pauses = 0
    for await (const c of streamChat(provider('normal', { idleTimeoutMs: 150 }), { messages: ask, stream: true })) {
      if (c.type === 'text') text += c.text
      if (pauses++ < 2) await new Promise((r) => setTimeout(r, 400))
    }
    expect(text).toBe(DEFAULT_ANSWER)
  })
})

describe('retries', () => {
  it('happen only before the first token, at most maxRetries times', async () => {
    const before = fake.requests.length
    const r = await collect(provider('server-error', { maxRetries: 3 }))
    expect(r.error?.kind).toBe('server')
    expect(fake.requests.length - before).toBe(4)
    expect(r.chunks.map((c) => (c.type === 'retrying' ? c.attempt : null))).toEqual([1, 2, 3])
  })

  it('are off with maxRetries 0', async () => {
    const before = fake.requests.length
    const r = await collect(provider('server-error', { maxRetries: 0 }))
    expect(r.error?.kind).toBe('server')
    expect(fake.requests.length - before).toBe(1)
  })

  it('never follow text that was already yielded', async () => {
    const before = fake.requests.length
    const r = await collect(provider('drop-mid-body', { maxRetries: 5 }))
    expect(r.error?.kind).toBe('network')
    expect(types(r)).not.toContain('retrying')
    expect(fake.requests.length - before).toBe(1)
  })

  it('are skipped when the server asks for a wait longer than the cap, which is reported', async () => {
    const r = await collect(provider('rate-limit', { maxRetryWaitMs: 5_000 }))
    expect(types(r)).not.toContain('retrying')
    expect(r.error).toMatchObject({ kind: 'rate-limit', retryable: true, retryAfterMs: 120_000, status: 429 })
  })
})

describe('configuration and reachability', () => {
  it('a cloud provider without a key is a config error before any request', async () => {
    const r = await collect(providerConfig({ preset: 'openai' }))
    expect(r.error?.kind).toBe('config')
    expect(r.error?.message).toMatch(/No API key is set for api\.openai\.com/)
  })

  it('a bad base URL is a config error', async () => {
    const r = await collect({ baseUrl: 'not a url', apiKey: 'k', model: 'm' })
    expect(r.error?.kind).toBe('config')
  })

  it('a server that is not running is a network error naming the host, without automatic retries', async () => {
    const url = await closedPortUrl()
    const r = await collect({ baseUrl: url, apiKey: '', model: 'm' })
    expect(r.error?.kind).toBe('network')
    expect(r.error?.message).toMatch(/Could not reach 127\.0\.0\.1:\d+\. Is the server running\?/)
    expect(types(r)).not.toContain('retrying')
  })

  it('sends the key, the provider headers, include_usage when streaming and the messages', async () => {
    await collect(provider('normal', { headers: { 'X-Title': 'Hark' } }))
    const req = fake.requests.at(-1)!
    expect(req.headers.authorization).toBe('Bearer sk-test')
    expect(req.headers['x-title']).toBe('Hark')
    expect(req.body).toMatchObject({ stream: true, stream_options: { include_usage: true }, messages: ask })
    await collect(provider('normal'), { stream: false })
    expect(fake.requests.at(-1)!.body).toMatchObject({ stream: false })
  })
})
