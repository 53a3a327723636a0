import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorKind } from '../../../../src/shared/turn-events'
import type { ProviderConfig } from '../../../../src/main/engine/llm/chat-types'
import {
  DEFAULT_ANSWER,
  DEFAULT_REASONING,
  MULTIBYTE_ANSWER,
  startFakeLlm,
  type FakeLlm,
  type ScenarioName
} from '../../../fake-llm'
import { collect, types, watchProcessErrors } from './collect'

/** Every scenario of the fake, streamed and in one piece, through streamChat. */
let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm()
})
afterAll(() => fake.close())
watchProcessErrors()

const provider = (scenario: ScenarioName): ProviderConfig => ({
  baseUrl: fake.url,
  apiKey: '',
  model: `scenario:${scenario}`,
  idleTimeoutMs: 400,
  connectTimeoutMs: 600,
  retryBaseDelayMs: 20
})

const completes: Array<[ScenarioName, string]> = [
  ['normal', DEFAULT_ANSWER],
  ['keepalive', DEFAULT_ANSWER],
  ['multiline-data', DEFAULT_ANSWER],
  ['crlf', DEFAULT_ANSWER],
  ['no-trailing-blank', DEFAULT_ANSWER],
  ['split-utf8', MULTIBYTE_ANSWER],
  ['done-keep-open', DEFAULT_ANSWER],
  ['usage', DEFAULT_ANSWER],
  ['no-usage', DEFAULT_ANSWER],
  ['no-finish-reason', DEFAULT_ANSWER],
  ['empty-choices', DEFAULT_ANSWER],
  ['ignores-stream', DEFAULT_ANSWER],
  ['rate-limit-then-ok', DEFAULT_ANSWER],
  ['server-error-then-ok', DEFAULT_ANSWER]
]

describe.each([true, false])('streamChat with stream=%s', (stream) => {
  it.each(completes)('answers the %s scenario completely and ends with one finish', async (scenario, expected) => {
    const r = await collect(provider(scenario), { stream })
    expect(r.foreign).toBeNull()
    expect(r.error).toBeNull()
    expect(r.text).toBe(expected)
    expect(r.chunks.filter((c) => c.type === 'finish')).toEqual([{ type: 'finish', reason: 'stop' }])
    expect(r.chunks.at(-1)?.type).toBe('finish')
  })

  it.each(['reasoning', 'reasoning-content', 'think-tags'] as const)(
    'keeps the %s reasoning apart from the answer',
    async (scenario) => {
      const r = await collect(provider(scenario), { stream })
      expect(r.text).toBe(DEFAULT_ANSWER)
      expect(r.reasoning).toBe(DEFAULT_REASONING)
      expect(r.text).not.toContain('think>')
    }
  )

  it('reports usage before the finish, and none when the server sends none', async () => {
    const withUsage = await collect(provider('usage'), { stream })
    expect(types(withUsage).slice(-2)).toEqual(['usage', 'finish'])
    expect(withUsage.chunks.find((c) => c.type === 'usage')).toMatchObject({ usage: { promptTokens: 12 } })
    expect(types(await collect(provider('no-usage'), { stream }))).not.toContain('usage')
  })

  it('passes a length finish reason through', async () => {
    const r = await collect(provider('length-finish'), { stream })
    expect(r.chunks.at(-1)).toEqual({ type: 'finish', reason: 'length' })
  })

  it.each<[ScenarioName, ErrorKind, RegExp]>([
    ['unauthorized', 'auth', /API key was rejected by 127\.0\.0\.1:\d+\. Check it in Settings/],
    ['forbidden', 'auth', /API key was rejected/],
    ['model-not-found', 'not-found', /does not know the model "scenario:model-not-found"/],
    ['context-length', 'context-length', /too long/],
    ['bad-request', 'bad-request', /temperature/],
    ['rate-limit', 'rate-limit', /rate-limiting.*120 s/],
    ['server-error', 'server', /server error \(500\)/],
    ['json-error-200', 'server', /model overloaded/],
    ['stall-after-headers', 'stalled', /stopped sending for 0\.4 s/]
  ])('classifies %s as %s with a message saying what to do', async (scenario, kind, message) => {
    const r = await collect(provider(scenario), { stream })
    expect(r.foreign).toBeNull()
    expect(r.error?.kind).toBe(kind)
    expect(r.error?.message).toMatch(message)
    expect(r.text).toBe('')
  })
})

describe('failures after part of the answer (streamed)', () => {
  it.each<[ScenarioName, ErrorKind, RegExp]>([
    ['drop-mid-body', 'network', /connection dropped mid-answer/],
    ['stall-mid-body', 'stalled', /stopped sending/],
    ['event-error', 'server', /upstream overloaded/],
    ['data-error', 'server', /upstream overloaded/]
  ])('%s keeps the partial text, throws %s and never retries', async (scenario, kind, message) => {
    const r = await collect(provider(scenario))
    expect(r.foreign).toBeNull()
    expect(r.error?.kind).toBe(kind)
    expect(r.error?.message).toMatch(message)
    expect(r.text.length).toBeGreaterThan(20)
    expect(DEFAULT_ANSWER.startsWith(r.text)).toBe(true)
    expect(types(r)).not.toContain('retrying')
    expect(types(r)).not.toContain('finish')
  })

  it('gives up on a stall within a few idle timeouts, not never', async () => {
    const r = await collect({ ...provider('stall-mid-body'), idleTimeoutMs: 300 })
    expect(r.error?.kind).toBe('stalled')
    expect(r.ms).toBeLessThan(5_000)
  })

  it('calls slow headers a timeout', async () => {
    const r = await collect({ ...provider('slow-headers'), connectTimeoutMs: 300 })
    expect(r.error?.kind).toBe('timeout')
    expect(r.error?.retryable).toBe(true)
  })
})

describe('the 429 with retry-after-ms', () => {
  it('waits what the server asked, reports it, then answers', async () => {
    fake.setScenario('normal')
    const r = await collect(provider('rate-limit-then-ok'))
    const retrying = r.chunks.filter((c) => c.type === 'retrying')
    expect(retrying).toEqual([
      { type: 'retrying', attempt: 1, delayMs: 200, reason: expect.stringMatching(/rate-limiting/) }
    ])
    expect(r.text).toBe(DEFAULT_ANSWER)
    expect(r.ms).toBeGreaterThanOrEqual(190)
  })
})
