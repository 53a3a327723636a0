import { createServer } from 'node:net'

/** A base URL on a port that was free a moment ago: nothing listens there. */
export async function closedPortUrl(): Promise<string> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address() as { port: number }
  await new Promise((r) => srv.close(r))
  return `http://127.0.0.1:${port}/v1`
}
