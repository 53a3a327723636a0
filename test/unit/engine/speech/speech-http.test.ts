import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { readBody, requestAudio, SPEECH_LIMITS } from '../../../../src/main/engine/speech/speech-http'

const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
})

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function drain(url: string, limits = SPEECH_LIMITS): Promise<number> {
  const signal = new AbortController().signal
  const res = await requestAudio(new URL(url), { method: 'GET', apiKey: 'sk' }, signal, limits)
  let bytes = 0
  for await (const piece of readBody(res, signal, limits)) bytes += piece.length
  return bytes
}

describe('speech HTTP: bounded time and memory', () => {
  it('cuts off a body larger than the cap', async () => {
    const url = await serve((_req, res) => {
      res.write(Buffer.alloc(64 * 1024))
      res.end(Buffer.alloc(64 * 1024))
    })
    await expect(drain(url, { ...SPEECH_LIMITS, maxBytes: 100_000 })).rejects.toThrow(/more than 100000 bytes/)
  })

  it('gives up on a body that stalls', async () => {
    const url = await serve((_req, res) => res.write(Buffer.alloc(100)))
    await expect(drain(url, { ...SPEECH_LIMITS, idleTimeoutMs: 200 })).rejects.toThrow(/stalled/)
  })

  it('gives up on headers that never come', async () => {
    const url = await serve(() => {})
    await expect(drain(url, { ...SPEECH_LIMITS, connectTimeoutMs: 200 })).rejects.toThrow(/did not answer/)
  })

  it('follows a redirect within the origin, key and all', async () => {
    const auth: Array<string | undefined> = []
    const url = await serve((req, res) => {
      auth.push(req.headers.authorization)
      if (req.url === '/a') return void res.writeHead(302, { location: '/b' }).end()
      res.end('ok')
    })
    expect(await drain(`${url}/a`)).toBe(2)
    expect(auth).toEqual(['Bearer sk', 'Bearer sk'])
  })

  it('refuses a redirect to another origin without asking it anything', async () => {
    const seen: string[] = []
    const other = await serve((req, res) => {
      seen.push(req.url ?? '')
      res.end()
    })
    const url = await serve((_req, res) => void res.writeHead(307, { location: `${other}/steal` }).end())
    await expect(drain(url)).rejects.toThrow(/another origin; refused/)
    expect(seen).toEqual([])
  })

  it('reports an error status with the server message, cleaned', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: 'bad key\u001b[31m' } }))
    })
    await expect(drain(url)).rejects.toThrow(/answered 401: bad key \[31m/)
  })
})
