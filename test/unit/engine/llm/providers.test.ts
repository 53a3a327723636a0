import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedPortUrl } from './closed-port'
import {
  detectLocalServers,
  listModels,
  PROVIDER_PRESETS,
  providerConfig
} from '../../../../src/main/engine/llm/providers'
import { providerPresets } from '../../../../src/shared/settings'
import { startFakeLlm, type FakeLlm } from '../../../fake-llm'
import { watchProcessErrors } from './collect'

let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm({ models: ['zeta', 'alpha'] })
})
afterAll(() => fake.close())
watchProcessErrors()

describe('provider presets', () => {
  it('cover every preset the settings allow', () => {
    expect(Object.keys(PROVIDER_PRESETS).sort()).toEqual([...providerPresets].sort())
  })

  it('point local servers at their usual ports and need no key there', () => {
    expect(PROVIDER_PRESETS.ollama).toMatchObject({ baseUrl: 'http://localhost:11434/v1', needsKey: false })
    expect(PROVIDER_PRESETS.lmstudio).toMatchObject({ baseUrl: 'http://localhost:1234/v1', needsKey: false })
  })

  it('send OpenRouter its attribution headers, and nobody else', () => {
    expect(providerConfig({ preset: 'openrouter', apiKey: 'k' }).headers).toEqual({
      'HTTP-Referer': expect.stringMatching(/^https:/),
      'X-Title': 'Hark'
    })
    expect(providerConfig({ preset: 'openai', apiKey: 'k' }).headers).toBeUndefined()
  })

  it('apply overrides and trim a trailing slash', () => {
    expect(
      providerConfig({ preset: 'custom', baseUrl: 'http://box:8080/v1/', model: ' m ', apiKey: 'k' })
    ).toMatchObject({ baseUrl: 'http://box:8080/v1', model: 'm', apiKey: 'k' })
  })
})

describe('listModels', () => {
  it('lists the server’s models, sorted', async () => {
    expect(await listModels({ baseUrl: fake.url, apiKey: '', model: 'x' })).toEqual(['alpha', 'zeta'])
  })

  it('says clearly when the server cannot list models', async () => {
    await expect(
      listModels({ baseUrl: fake.url.replace(/\/v1$/, '/nope'), apiKey: '', model: 'x' })
    ).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringMatching(/does not list its models.*Type the model name/)
    })
  })

  it('says when the server is not there', async () => {
    await expect(listModels({ baseUrl: await closedPortUrl(), apiKey: '', model: 'x' })).rejects.toMatchObject({
      kind: 'network'
    })
  })
})

describe('detectLocalServers', () => {
  it('finds the servers that answer, with their models, and skips the rest quickly', async () => {
    const t0 = Date.now()
    const found = await detectLocalServers({
      timeoutMs: 500,
      candidates: [
        { preset: 'ollama', baseUrl: fake.url },
        { preset: 'lmstudio', baseUrl: await closedPortUrl() }
      ]
    })
    expect(found).toEqual([{ preset: 'ollama', baseUrl: fake.url, models: ['zeta', 'alpha'] }])
    expect(Date.now() - t0).toBeLessThan(3_000)
  })

  it('gives up on a server that accepts but never answers', async () => {
    const url = fake.url.replace(/\/v1$/, '/v1/chat/completions-hang')
    fake.route('GET /v1/chat/completions-hang/models', () => undefined)
    expect(await detectLocalServers({ timeoutMs: 200, candidates: [{ preset: 'ollama', baseUrl: url }] })).toEqual([])
  })
})
