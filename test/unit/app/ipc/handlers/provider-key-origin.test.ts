import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { providerHandlers } from '../../../../../src/main/app/ipc/handlers/provider'
import { SettingsStore } from '../../../../../src/main/app/stores/settings-store'
import type { KeyStore } from '../../../../../src/main/app/stores/key-store'
import { streamChat } from '../../../../../src/main/engine/llm/chat-stream'

/**
 * OPENAI_API_KEY belongs to OPENAI_BASE_URL's origin, or OpenAI's when that is
 * unset. Two loopback servers: the one the environment names, and another a
 * page names through models.list or provider.test. The second must never see
 * the key.
 */

interface Seen {
  server: Server
  url: string
  headers: IncomingHttpHeaders[]
}

async function recordingServer(): Promise<Seen> {
  const seen: Seen = { server: createServer(), url: '', headers: [] }
  seen.server.on('request', (req, res) => {
    seen.headers.push(req.headers)
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ object: 'list', data: [{ id: 'm1', object: 'model' }] }))
  })
  await new Promise<void>((r) => seen.server.listen(0, '127.0.0.1', r))
  seen.url = `http://127.0.0.1:${(seen.server.address() as AddressInfo).port}/v1`
  return seen
}

let home: Seen
let stranger: Seen
beforeAll(async () => {
  home = await recordingServer()
  stranger = await recordingServer()
  vi.stubEnv('OPENAI_API_KEY', 'sk-environment-secret')
})
afterEach(() => {
  home.headers.length = 0
  stranger.headers.length = 0
})
afterAll(() => {
  vi.unstubAllEnvs()
  home.server.close()
  stranger.server.close()
})

const noKeys = {
  get: () => undefined,
  unlock: async () => {},
  status: async () => ({ stored: false, backend: 'keychain' })
} as unknown as KeyStore
const handlers = () =>
  providerHandlers(
    {
      settings: new SettingsStore(mkdtempSync(join(tmpdir(), 'hark-keyorigin-'))),
      keys: noKeys,
      warmUp: () => {}
    },
    streamChat
  )

const carriesKey = (h: IncomingHttpHeaders[]) => h.some((x) => JSON.stringify(x).includes('sk-environment-secret'))

describe('the environment key', () => {
  it('goes with models.list to OPENAI_BASE_URL', async () => {
    vi.stubEnv('OPENAI_BASE_URL', home.url)
    await handlers()['models.list']({}, undefined as never)
    expect(carriesKey(home.headers)).toBe(true)
  })

  it('never goes with models.list to another host a page names', async () => {
    vi.stubEnv('OPENAI_BASE_URL', '')
    await handlers()['models.list']({ baseUrl: stranger.url }, undefined as never)
    expect(stranger.headers.length).toBeGreaterThan(0)
    expect(carriesKey(stranger.headers)).toBe(false)
  })

  it('never goes with provider.test to another host a page names', async () => {
    vi.stubEnv('OPENAI_BASE_URL', '')
    await handlers()['provider.test']({ baseUrl: stranger.url, model: 'm1' }, undefined as never)
    expect(stranger.headers.length).toBeGreaterThan(0)
    expect(carriesKey(stranger.headers)).toBe(false)
  })
})
