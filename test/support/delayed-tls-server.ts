import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createTcpServer, connect, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * An HTTPS server on loopback behind a TCP relay that holds every new
 * connection for `connectDelayMs` before letting it through, as a far-away
 * server's round trips would: a request on a fresh connection pays the delay
 * (plus a real TLS handshake), one on a kept-alive connection does not. The
 * certificate is self-signed, made with the openssl CLI; trust it through the
 * client's `ca` option, never globally.
 */

export interface DelayedTlsServer {
  url: string
  /** PEM of the self-signed certificate */
  ca: string
  /** connections accepted so far */
  connections: number
  /** requests answered so far */
  requests: Array<{ method: string; url: string; authorization: string | undefined }>
  close(): Promise<void>
}

function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hark-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem')
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
  } catch (err) {
    throw new Error(`The TLS test server needs the openssl CLI: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const listen = (server: { listen: (port: number, host: string, cb: () => void) => unknown }) =>
  new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

export async function startDelayedTlsServer(connectDelayMs: number): Promise<DelayedTlsServer> {
  const { key, cert } = selfSignedCert()
  const requests: DelayedTlsServer['requests'] = []
  const https = createHttpsServer({ key, cert, keepAliveTimeout: 30_000 }, (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization })
    req.resume()
    res.end(req.method === 'HEAD' ? undefined : 'ok')
  })
  await listen(https)
  const backend = (https.address() as AddressInfo).port
  const sockets = new Set<Socket>()
  const state = { connections: 0 }
  const relay = createTcpServer((client) => {
    state.connections++
    sockets.add(client)
    client.pause()
    const timer = setTimeout(() => {
      const upstream = connect(backend, '127.0.0.1', () => {
        client.pipe(upstream).pipe(client)
        client.resume()
      })
      sockets.add(upstream)
      upstream.on('error', () => client.destroy())
      upstream.on('close', () => client.destroy())
    }, connectDelayMs)
    client.on('error', () => {})
    client.on('close', () => clearTimeout(timer))
  })
  await listen(relay)
  return {
    url: `https://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    ca: cert,
    get connections() {
      return state.connections
    },
    requests,
    close: async () => {
      sockets.forEach((s) => s.destroy())
      https.closeAllConnections()
      await Promise.all([new Promise((r) => relay.close(r)), new Promise((r) => https.close(r))])
    }
  }
}
