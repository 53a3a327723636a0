import { createConnection, type Socket } from 'node:net'
import { userInfo } from 'node:os'
import { Listeners } from '../listeners'
import { describeAddress, type SsipAddress } from './ssip-address'
import { clientNameCommand, CRLF, messageIdOf, speakBlock, SsipReader, type SsipReply } from './ssip-protocol'
import { TtsError } from './speech-types'

export interface SsipEvent {
  /** SSIP_BEGIN, SSIP_END, SSIP_CANCELED (or another 7xx) */
  code: number
  msgId: string
}

export interface SsipConnectionOptions {
  /** how long connecting, and each reply, may take before the daemon counts as hung */
  replyTimeoutMs: number
}

interface Waiter {
  resolve: (reply: SsipReply) => void
  reject: (err: TtsError) => void
}

/**
 * One client connection to speech-dispatcher. Commands go one at a time, as
 * SSIP requires (each waits for its reply, within a timeout); notifications
 * (7xx) may come between replies and go to `onEvent`. Any failure (a reply
 * that is late, garbled or refused, the socket closing) ends the connection
 * and every waiter with one TtsError, told once to `onClose`.
 */
export class SsipConnection {
  private readonly reader = new SsipReader(
    (reply) => this.reply(reply),
    (err) => this.fail(err)
  )
  private waiter: Waiter | null = null
  private chain: Promise<unknown> = Promise.resolve()
  private failure: TtsError | null = null
  private readonly events = new Listeners<SsipEvent>()
  private readonly closeListeners = new Listeners<TtsError>()

  private constructor(
    private readonly socket: Socket,
    private readonly opts: SsipConnectionOptions
  ) {
    // an idle connection must not keep `hark ask` alive; every exchange holds a timer while it runs
    socket.unref()
    socket.on('data', (d: Buffer) => this.reader.feed(d))
    socket.on('error', (err) =>
      this.fail(new TtsError(`speech-dispatcher connection failed: ${err.message}`, 'failed'))
    )
    socket.on('close', () => this.fail(new TtsError('the connection to speech-dispatcher was lost', 'failed')))
  }

  /** Connect, name ourselves and ask for every notification; rejects with a TtsError that says why not. */
  static async open(address: SsipAddress, opts: SsipConnectionOptions): Promise<SsipConnection> {
    const socket = await connect(address, opts.replyTimeoutMs)
    const connection = new SsipConnection(socket, opts)
    await connection.command(clientNameCommand(userName()))
    await connection.command('SET self NOTIFICATION ALL on')
    return connection
  }

  get closed(): boolean {
    return this.failure !== null
  }

  /** Send one command line; resolves with its reply, rejects when the daemon refuses it. */
  command(line: string): Promise<SsipReply> {
    return this.exchange(() => this.send(line + CRLF, line.split(' ').slice(0, 3).join(' ')))
  }

  /** SPEAK `text`; resolves with the message id the daemon's notifications will name. */
  speak(text: string): Promise<string> {
    return this.exchange(async () => {
      await this.send(`SPEAK${CRLF}`, 'SPEAK')
      const queued = await this.send(speakBlock(text), 'the text')
      const id = messageIdOf(queued)
      if (id === null) throw this.fail(new TtsError('speech-dispatcher queued a message without an id', 'failed'))
      return id
    })
  }

  onEvent(listener: (e: SsipEvent) => void): () => void {
    return this.events.add(listener)
  }

  onClose(listener: (err: TtsError) => void): () => void {
    return this.closeListeners.add(listener)
  }

  close(): void {
    this.fail(new TtsError('the connection to speech-dispatcher was closed', 'failed'))
  }

  private exchange<T>(step: () => Promise<T>): Promise<T> {
    const run = this.chain.then(step)
    this.chain = run.catch(() => {})
    return run
  }

  /** Write `data` (ended lines) and wait for its reply; `what` names it in errors. */
  private send(data: string, what: string): Promise<SsipReply> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise<SsipReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        const secs = this.opts.replyTimeoutMs / 1000
        this.fail(new TtsError(`speech-dispatcher did not answer ${what} within ${secs} s`, 'failed'))
      }, this.opts.replyTimeoutMs)
      this.waiter = {
        resolve: (reply) => {
          clearTimeout(timer)
          if (reply.code >= 300) reject(refused(what, reply))
          else resolve(reply)
        },
        reject: (err) => {
          clearTimeout(timer)
          reject(err)
        }
      }
      this.socket.write(data)
    })
  }

  private reply(reply: SsipReply): void {
    if (reply.code >= 700 && reply.code < 800) {
      const msgId = reply.lines[0]?.trim() ?? ''
      return this.events.emit({ code: reply.code, msgId })
    }
    const waiter = this.waiter
    this.waiter = null
    if (!waiter) return void this.fail(new TtsError(`speech-dispatcher sent a reply nobody asked for`, 'failed'))
    waiter.resolve(reply)
  }

  private fail(err: TtsError): TtsError {
    if (this.failure) return this.failure
    this.failure = err
    this.socket.destroy()
    this.waiter?.reject(err)
    this.waiter = null
    this.closeListeners.emit(err)
    return err
  }
}

function refused(what: string, reply: SsipReply): TtsError {
  const message = (reply.lines[reply.lines.length - 1] ?? '').slice(0, 200)
  return new TtsError(`speech-dispatcher refused ${what}: ${reply.code} ${message}`, 'failed')
}

function userName(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}

/** A connected socket, or a TtsError naming the address (and saying the daemon does not run when nothing listens). */
function connect(address: SsipAddress, timeoutMs: number): Promise<Socket> {
  const where = describeAddress(address)
  return new Promise((resolve, reject) => {
    const socket =
      address.kind === 'unix' ? createConnection(address.path) : createConnection(address.port, address.host)
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        new TtsError(`speech-dispatcher did not accept a connection at ${where} within ${timeoutMs / 1000} s`, 'failed')
      )
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeAllListeners('error')
      resolve(socket)
    })
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      const down = err.code === 'ENOENT' || err.code === 'ECONNREFUSED'
      const why = down ? `speech-dispatcher is not running (nothing listens at ${where})` : err.message
      reject(new TtsError(down ? why : `cannot reach speech-dispatcher at ${where}: ${why}`, 'failed'))
    })
  })
}
