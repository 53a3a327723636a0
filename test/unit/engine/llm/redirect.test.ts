import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LlmError } from '../../../../src/main/engine/llm/chat-types'
import { listModels } from '../../../../src/main/engine/llm/model-list'
import { DEFAULT_ANSWER, startFakeLlm, type FakeLlm } from '../../../fake-llm'
import { collect, watchProcessErrors } from './collect'

/** A redirect must never carry the prompt (or the key) to a server the user did not name. */
let home: FakeLlm
let elsewhere: FakeLlm
let status = 307
beforeAll(async () => {
  home = await startFakeLlm()
  elsewhere = await startFakeLlm()
  const away = (path: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(status, { location: `${elsewhere.url}${path}` })
    res.end()
  }
  home.route('POST /v1/away/chat/completions', away('/chat/completions'))
  home.route('GET /v1/away/models', away('/models'))
  home.route('POST /v1/moved/chat/completions', (_req, res) => {
    res.writeHead(308, { location: '/v1/chat/completions' })
    res.end()
  })
})
afterAll(async () => {
  await home.close()
  await elsewhere.close()
})
watchProcessErrors()

const provider = (path: string) => ({ baseUrl: `${home.url}/${path}`, apiKey: 'sk-home', model: 'm' })

describe('a redirect to another origin', () => {
  it.each([301, 302, 303, 307, 308])(
    'of a chat request (%i) is refused with a redirect error, and the other server never hears the prompt',
    async (code) => {
      status = code
      const r = await collect(provider('away'))
      expect(r.error?.kind).toBe('redirect')
      expect(r.error?.message).toContain(`to http://${new URL(elsewhere.url).host}`)
      expect(r.error?.message).toMatch(/set it as the base URL/)
      expect(elsewhere.requests).toHaveLength(0)
    }
  )

  it('of a model list is refused too', async () => {
    status = 308
    const err = await listModels(provider('away')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LlmError)
    expect((err as LlmError).kind).toBe('redirect')
    expect(elsewhere.requests).toHaveLength(0)
  })
})

describe('a redirect within the origin', () => {
  it('is followed with the same request', async () => {
    const r = await collect(provider('moved'))
    expect(r.error).toBeNull()
    expect(r.text).toBe(DEFAULT_ANSWER)
    const followed = home.requests.at(-1)!
    expect(followed.path).toBe('/v1/chat/completions')
    expect(followed.body).toMatchObject({ stream: true, model: 'm' })
    expect(followed.headers.authorization).toBe('Bearer sk-home')
  })
})
