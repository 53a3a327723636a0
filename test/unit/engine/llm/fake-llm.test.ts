import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_ANSWER, scenarioNames, startFakeLlm, type FakeLlm } from '../../../fake-llm'

/** The fixture every other test trusts: check it does what it says. */
let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm({ timing: { chunkSize: 50, delayMs: 1 } })
})
afterAll(() => fake.close())

const chat = (body: object, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  })

describe('fake LLM', () => {
  it('has a base URL ending in /v1 on 127.0.0.1 and ~8 sentences of default prose', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(DEFAULT_ANSWER.split(/(?<=\.) /).length).toBe(8)
  })

  it('answers a batch request with a chat.completion', async () => {
    const body = await (await chat({ model: 'm', stream: false })).json()
    expect(body.choices[0].message.content).toBe(DEFAULT_ANSWER)
  })

  it('picks the scenario per request by header or by model name, else the current one', async () => {
    expect((await chat({ model: 'm' }, { 'x-fake-scenario': 'unauthorized' })).status).toBe(401)
    expect((await chat({ model: 'scenario:model-not-found' })).status).toBe(404)
    fake.setScenario('server-error')
    expect((await chat({ model: 'm' })).status).toBe(500)
    fake.setScenario('normal')
    expect(fake.requests.slice(-3).map((r) => r.scenario)).toEqual(['unauthorized', 'model-not-found', 'server-error'])
  })

  it('fails "-then-ok" scenarios once per pair of requests', async () => {
    fake.setScenario('rate-limit-then-ok')
    const first = await chat({ model: 'm' })
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after-ms')).toBe('200')
    expect((await chat({ model: 'm' })).status).toBe(200)
    expect((await chat({ model: 'm' })).status).toBe(429)
    fake.setScenario('normal')
  })

  it('records request bodies and headers', async () => {
    await chat({ model: 'rec', stream: false }, { 'x-extra': 'yes' })
    const r = fake.requests.at(-1)!
    expect(r).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'rec' } })
    expect(r.headers['x-extra']).toBe('yes')
  })

  it('sees a client that closes mid-response, and a response it finished itself', async () => {
    const res = await chat({ model: 'scenario:stall-mid-body', stream: true }, {})
    const reader = res.body!.getReader()
    await reader.read()
    void reader.cancel().catch(() => {})
    expect(await fake.waitForClose()).toMatchObject({ closedByClient: true, stillSending: true })
    await (await chat({ model: 'm', stream: false })).text()
    expect(await fake.waitForClose()).toMatchObject({ closedByClient: false, stillSending: false })
  })

  it('takes extra routes, e.g. for transcriptions', async () => {
    fake.route('POST /v1/audio/transcriptions', (_req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ text: `got ${body.length} bytes` }))
    })
    const res = await fetch(`${fake.url}/audio/transcriptions`, { method: 'POST', body: new Uint8Array(7) })
    expect(await res.json()).toEqual({ text: 'got 7 bytes' })
  })

  it('lists its scenarios, including the ones real providers taught us', () => {
    for (const name of [
      'keepalive',
      'crlf',
      'split-utf8',
      'drop-mid-body',
      'event-error',
      'json-error-200',
      'done-keep-open',
      'think-tags'
    ]) {
      expect(scenarioNames).toContain(name)
    }
  })
})
