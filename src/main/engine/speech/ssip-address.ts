import { join } from 'node:path'

/** Where speech-dispatcher listens: its Unix socket, or a TCP port a session exported. */
export type SsipAddress = { kind: 'unix'; path: string } | { kind: 'inet'; host: string; port: number }

const DEFAULT_PORT = 6560
const HOST = /^[A-Za-z0-9.:-]{1,253}$/

/**
 * The daemon's address as libspeechd finds it: SPEECHD_ADDRESS
 * (`unix_socket:PATH` or `inet_socket:HOST[:PORT]`) when the session set it,
 * else the socket under XDG_RUNTIME_DIR; null when neither is known or the
 * variable is malformed.
 */
export function ssipAddress(env: NodeJS.ProcessEnv = process.env): SsipAddress | null {
  const exported = env['SPEECHD_ADDRESS']?.trim()
  if (exported) return parseAddress(exported)
  const runtime = env['XDG_RUNTIME_DIR']
  return runtime ? { kind: 'unix', path: join(runtime, 'speech-dispatcher', 'speechd.sock') } : null
}

function parseAddress(value: string): SsipAddress | null {
  const [method, ...rest] = value.split(':')
  const arg = rest.join(':')
  if (method === 'unix_socket') return arg.startsWith('/') ? { kind: 'unix', path: arg } : null
  if (method !== 'inet_socket') return null
  const m = /^(.*?)(?::(\d{1,5}))?$/.exec(arg)
  const host = m?.[1] || 'localhost'
  const port = Number(m?.[2] ?? DEFAULT_PORT)
  return HOST.test(host) && port > 0 && port < 65536 ? { kind: 'inet', host, port } : null
}

export function describeAddress(address: SsipAddress): string {
  return address.kind === 'unix' ? address.path : `${address.host}:${address.port}`
}
