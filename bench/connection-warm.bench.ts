import { Agent, fetch as undiciFetch } from 'undici'
import { createConnectionWarmer } from '../src/main/engine/net/connection-warmer'
import { startDelayedTlsServer, type DelayedTlsServer } from '../test/support/delayed-tls-server'
import type { BenchTable } from './run'
import { percentile } from './support/stats'

/**
 * The question's first request, cold (DNS-free loopback, but a new TCP
 * connection held for a scripted delay plus a real TLS handshake) against the
 * same request after the connection warmer has opened it, while the user is
 * still talking; the limit is the same request on a connection that has
 * already carried one. Each case gets its own connection pool.
 */

const RUNS = 15
/** about two round trips to a server 50 ms away: TCP, then TLS 1.3 */
const CONNECT_DELAY_MS = 100
/** the user is still talking (or typing) between the warm-up and the question */
const THINK_MS = 300

type Fetch = typeof fetch

function pool(server: DelayedTlsServer): { fetch: Fetch; close: () => Promise<void> } {
  const agent = new Agent({ connect: { ca: server.ca } })
  const f = (input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>
  return { fetch: f as Fetch, close: () => agent.close() }
}

async function question(f: Fetch, server: DelayedTlsServer): Promise<number> {
  const started = performance.now()
  const res = await f(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"stream":true}'
  })
  await res.text()
  return performance.now() - started
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function measure(server: DelayedTlsServer, prepare: (f: Fetch) => Promise<unknown>): Promise<number> {
  const p = pool(server)
  try {
    await prepare(p.fetch)
    await pause(THINK_MS)
    return await question(p.fetch, server)
  } finally {
    await p.close()
  }
}

export default async function run(): Promise<BenchTable> {
  const server = await startDelayedTlsServer(CONNECT_DELAY_MS)
  try {
    const cold: number[] = []
    const warm: number[] = []
    const open: number[] = []
    await measure(server, async () => {}) // module loading
    for (let i = 0; i < RUNS; i++) {
      cold.push(await measure(server, async () => {}))
      warm.push(await measure(server, (f) => createConnectionWarmer({ fetch: f }).warm(`${server.url}/v1`)))
      open.push(await measure(server, (f) => question(f, server)))
    }
    const [c, w, o] = [cold, warm, open].map((xs) => percentile(xs, 50)) as [number, number, number]
    return {
      title: `No cold start: the question's request over loopback TLS with a ${CONNECT_DELAY_MS} ms connect delay, median of ${RUNS}`,
      rows: [
        { request: 'cold (new connection)', 'median ms': c, 'max ms': Math.max(...cold), ratio: '1' },
        {
          request: `warmed ${THINK_MS} ms before (connection warmer)`,
          'median ms': w,
          'max ms': Math.max(...warm),
          ratio: `${(w / c).toFixed(3)} of cold`
        },
        {
          request: 'limit: connection already used',
          'median ms': o,
          'max ms': Math.max(...open),
          ratio: `${(o / c).toFixed(3)} of cold`
        }
      ],
      notes: [
        `Warm-up saves ${(c - w).toFixed(1)} ms of the ${CONNECT_DELAY_MS} ms delay plus the TLS handshake; warm vs limit: ${(w - o).toFixed(1)} ms.`
      ]
    }
  } finally {
    await server.close()
  }
}
