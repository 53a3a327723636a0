import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A stand-in for speech-dispatcher: speaks SSIP on a Unix socket in a fresh
 * directory, with scripted timing and faults, and records what it was sent.
 * speech-dispatcher itself is not installed on the test machines.
 */
export interface FakeSsipScript {
  /** ms from a message being queued to its BEGIN notification */
  beginAfterMs: number
  /** ms from BEGIN to END */
  endAfterMs: number
  /**
   * silent: never answers anything; garbage: answers with a line that is not SSIP;
   * drop-after-begin: closes the connection once a message has begun;
   * refuse-speak: answers SPEAK with a 4xx
   */
  fault?: 'silent' | 'garbage' | 'drop-after-begin' | 'refuse-speak'
}

export interface FakeSsip {
  path: string
  /** every command line received, in order, across connections (text lines excluded) */
  commands: string[]
  /** the text of every SPEAK, unescaped as the daemon would read it */
  messages: string[]
  /** what happened, in order: 'queued 1', 'begin 1', 'end 1', 'cancel 1' */
  log: string[]
  connections: () => number
  script: FakeSsipScript
  /** close every connection and remove the socket: the daemon went away */
  vanish(): Promise<void>
  close(): Promise<void>
}

interface Session {
  socket: Socket
  buffer: string
  /** lines of a SPEAK's text, while it is being received */
  text: string[] | null
  speaking: { id: number; timers: NodeJS.Timeout[] } | null
}

export async function startFakeSsip(script: Partial<FakeSsipScript> = {}): Promise<FakeSsip> {
  const dir = mkdtempSync(join(tmpdir(), 'hark-fake-ssip-'))
  const path = join(dir, 'speechd.sock')
  const fake: FakeSsip = {
    path,
    commands: [],
    messages: [],
    log: [],
    connections: () => opened,
    script: { beginAfterMs: 20, endAfterMs: 60, ...script },
    vanish: () => stop(false),
    close: () => stop(true)
  }
  let opened = 0
  let nextId = 1
  const sessions = new Set<Session>()

  const send = (s: Session, ...lines: string[]): void => void s.socket.write(lines.map((l) => `${l}\r\n`).join(''))
  const notify = (s: Session, code: number, id: number, word: string): void =>
    send(s, `${code}-${id}`, `${code}-1`, `${code} ${word}`)

  const queue = (s: Session, text: string): void => {
    const id = nextId++
    fake.messages.push(text)
    fake.log.push(`queued ${id}`)
    send(s, `225-${id}`, '225 OK MESSAGE QUEUED')
    const speaking = { id, timers: [] as NodeJS.Timeout[] }
    s.speaking = speaking
    const begin = setTimeout(() => {
      fake.log.push(`begin ${id}`)
      notify(s, 701, id, 'BEGIN')
      if (fake.script.fault === 'drop-after-begin') return void s.socket.destroy()
      const end = setTimeout(() => {
        fake.log.push(`end ${id}`)
        s.speaking = null
        notify(s, 702, id, 'END')
      }, fake.script.endAfterMs)
      speaking.timers.push(end)
    }, fake.script.beginAfterMs)
    speaking.timers.push(begin)
  }

  const cancel = (s: Session): void => {
    send(s, '210 OK CANCELED')
    const speaking = s.speaking
    if (!speaking) return
    s.speaking = null
    speaking.timers.forEach(clearTimeout)
    fake.log.push(`cancel ${speaking.id}`)
    notify(s, 703, speaking.id, 'CANCELED')
  }

  const command = (s: Session, line: string): void => {
    fake.commands.push(line)
    if (fake.script.fault === 'silent') return
    if (fake.script.fault === 'garbage') return void s.socket.write('hello, this is not SSIP\r\n')
    const verb = line.split(' ')[0]?.toUpperCase()
    if (verb === 'SPEAK' && fake.script.fault === 'refuse-speak') return send(s, '401 ERR NOT ALLOWED')
    if (verb === 'SPEAK') {
      s.text = []
      return send(s, '230 OK RECEIVING DATA')
    }
    if (verb === 'CANCEL') return cancel(s)
    if (verb === 'QUIT') return send(s, '231 HAPPY HACKING')
    if (verb === 'SET') return send(s, '208 OK SET')
    send(s, '500 ERR INVALID COMMAND')
  }

  const line = (s: Session, l: string): void => {
    if (!s.text) return command(s, l)
    if (l !== '.') return void s.text.push(l.startsWith('..') ? l.slice(1) : l)
    const text = s.text.join('\n')
    s.text = null
    queue(s, text)
  }

  const server: Server = createServer((socket) => {
    opened++
    const s: Session = { socket, buffer: '', text: null, speaking: null }
    sessions.add(s)
    socket.on('data', (d: Buffer) => {
      s.buffer += d.toString('utf8')
      for (let nl = s.buffer.indexOf('\r\n'); nl >= 0; nl = s.buffer.indexOf('\r\n')) {
        const l = s.buffer.slice(0, nl)
        s.buffer = s.buffer.slice(nl + 2)
        line(s, l)
      }
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      s.speaking?.timers.forEach(clearTimeout)
      sessions.delete(s)
    })
  })

  const stop = async (removeDir: boolean): Promise<void> => {
    sessions.forEach((s) => s.socket.destroy())
    await new Promise<void>((resolve) => server.close(() => resolve()))
    rmSync(removeDir ? dir : path, { recursive: true, force: true })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, resolve)
  })
  return fake
}
