import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { join } from 'node:path'

/**
 * app.requestSingleInstanceLock for real: a pid lock file in userData, and a
 * unix socket over which a second launch hands its argv to the first, which
 * then emits 'second-instance' like Electron.
 */

type SecondInstance = (argv: string[], cwd: string, additionalData: unknown) => void

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function tryLock(file: string): boolean {
  try {
    const fd = openSync(file, 'wx')
    writeSync(fd, String(process.pid))
    closeSync(fd)
    return true
  } catch {
    const owner = Number(readFileSync(file, 'utf8'))
    if (owner > 0 && owner !== process.pid && alive(owner)) return false
    unlinkSync(file) // stale: its owner died without cleaning up
    return tryLock(file)
  }
}

/** Resolves once a second launch has handed its argv over; quit waits for it. */
export let handoff: Promise<void> = Promise.resolve()

export function requestLock(userData: string, onSecond: SecondInstance, additionalData?: unknown): boolean {
  const lock = join(userData, 'harness-instance.lock')
  const socket = join(userData, 'harness-instance.sock')
  if (!tryLock(lock)) {
    handoff = new Promise((resolve) => {
      const client = connect(socket, () =>
        client.end(JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData }))
      )
      client.on('close', () => resolve())
      client.on('error', () => resolve())
    })
    return false
  }
  if (existsSync(socket)) unlinkSync(socket)
  const server = createServer((conn) => {
    let data = ''
    conn.on('data', (d: Buffer) => (data += d.toString()))
    conn.on('end', () => {
      try {
        const msg = JSON.parse(data) as { argv: string[]; cwd: string; additionalData: unknown }
        onSecond(msg.argv, msg.cwd, msg.additionalData)
      } catch (err) {
        console.error('[harness] bad second-instance message:', err)
      }
    })
  })
  server.listen(socket)
  server.unref()
  process.on('exit', () => {
    for (const f of [lock, socket]) if (existsSync(f)) unlinkSync(f)
  })
  return true
}
