import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent, fetch as undiciFetch } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConnectionWarmer } from '../../../../src/main/engine/net/connection-warmer'
import { startDelayedTlsServer, type DelayedTlsServer } from '../../../support/delayed-tls-server'

const CONNECT_DELAY_MS = 300

let server: DelayedTlsServer
beforeAll(async () => {
  server = await startDelayedTlsServer(CONNECT_DELAY_MS)
})
afterAll(() => server.close())

/** a fetch with its own connection pool that trusts the test certificate (and nothing else changes) */
function trustingFetch(): { fetch: typeof fetch; close: () => Promise<void> } {
  const agent = new Agent({ connect: { ca: server.ca } })
  const f = (input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>
  return { fetch: f as typeof fetch, close: () => agent.close() }
}

async function timedQuestion(f: typeof fetch): Promise<number> {
  const started = performance.now()
  const res = await f(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{}' })
  await res.text()
  return performance.now() - started
}

describe('createConnectionWarmer', () => {
  it('opens the connection ahead, so the question pays no connect delay and opens no connection', async () => {
    const cold = trustingFetch()
    const warm = trustingFetch()
    try {
      const before = server.connections
      const coldMs = await timedQuestion(cold.fetch)
      expect(server.connections).toBe(before + 1)
      expect(coldMs).toBeGreaterThanOrEqual(CONNECT_DELAY_MS)

      await createConnectionWarmer({ fetch: warm.fetch }).warm(`${server.url}/v1`)
      expect(server.connections).toBe(before + 2)
      const warmMs = await timedQuestion(warm.fetch)
      expect(server.connections).toBe(before + 2) // the question rode the warmed connection
      expect(warmMs).toBeLessThan(CONNECT_DELAY_MS)
    } finally {
      await Promise.all([cold.close(), warm.close()])
    }
  })

  it('asks only for the origin root: no key, no path', async () => {
    const { fetch, close } = trustingFetch()
    try {
      const seen = server.requests.length
      await createConnectionWarmer({ fetch }).warm(`${server.url}/v1/chat?key=secret`)
      expect(server.requests.slice(seen)).toEqual([{ method: 'GET', url: '/', authorization: undefined }])
    } finally {
      await close()
    }
  })

  it('warms an origin once while it is fresh, and again after', async () => {
    const { fetch, close } = trustingFetch()
    let now = 0
    try {
      const seen = server.requests.length
      const warmer = createConnectionWarmer({ fetch, now: () => now, freshMs: 1000 })
      await Promise.all([warmer.warm(`${server.url}/v1`), warmer.warm(`${server.url}/other`)])
      now = 900
      await warmer.warm(server.url)
      expect(server.requests.length - seen).toBe(1)
      now = 1100
      await warmer.warm(server.url)
      expect(server.requests.length - seen).toBe(2)
    } finally {
      await close()
    }
  })

  it('does not follow a redirect to another server', async () => {
    let target = 0
    const other: Server = createServer((_req, res) => {
      target++
      res.end()
    })
    const redirecting: Server = createServer((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/` }).end()
    })
    await Promise.all([other, redirecting].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))))
    try {
      await createConnectionWarmer().warm(`http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/v1`)
      expect(target).toBe(0)
    } finally {
      other.closeAllConnections()
      redirecting.closeAllConnections()
      await Promise.all([other, redirecting].map((s) => new Promise((r) => s.close(r))))
    }
  })

  it('ignores what is not an http(s) URL and never throws for a server that is down', async () => {
    const calls: string[] = []
    const warmer = createConnectionWarmer({
      fetch: (input) => {
        calls.push(String(input))
        return Promise.reject(new TypeError('fetch failed'))
      }
    })
    await expect(warmer.warm('file:///etc/passwd')).resolves.toBeUndefined()
    await expect(warmer.warm('not a url')).resolves.toBeUndefined()
    expect(calls).toEqual([])
    await expect(warmer.warm('https://127.0.0.1:9/v1')).resolves.toBeUndefined()
    expect(calls).toEqual(['https://127.0.0.1:9/'])
  })
})
