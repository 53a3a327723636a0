import type { ChildProcess } from 'node:child_process'
import { killTree } from '../platform/child-supervisor'
import { ProgramMissingError, spawnProgram, type SpawnProgram } from '../platform/spawn-program'
import { cancelLine, parseReply, SAPI_ARGS, speakLine, type SapiReply } from './sapi-protocol'
import { TtsError } from './speech-types'

export interface SapiUtterance {
  text: string
  /** an installed voice's name, '' for the default */
  voice: string
  /** SAPI's -10…10 */
  rate: number
  signal: AbortSignal
  onSound?: () => void
  timeoutMs: number
}

export interface SapiVoiceOptions {
  spawn?: SpawnProgram
  /** a waiting PowerShell holds some 60 MB: its stdin is closed after this long without a word */
  idleMs?: number
  /** how long a cancelled utterance may take to fall silent before its process is killed */
  cancelGraceMs?: number
}

const PROGRAM = 'powershell'
const MISSING_HINT = 'PowerShell comes with Windows; check that it is on PATH.'
/** Protocol lines are short; a longer one means the process is not speaking our protocol. */
const MAX_LINE = 4096

/** One utterance handed to the process, until the process is done with it. */
interface Sent {
  id: number
  u: SapiUtterance
  /** tells the caller, once; an aborted utterance is told at once, before the process confirms */
  settle: (err: TtsError | null) => void
  /** the process is done with it: the next utterance may go */
  release: () => void
  timer: NodeJS.Timeout
  /** restarts spent on it (one is allowed) */
  restarts: number
  /** the process it was given to */
  to: Running
  onAbort: () => void
}

interface Running {
  child: ChildProcess
  stderr: string
}

/**
 * Windows' system voice as one PowerShell started ahead of the first sentence
 * and kept: fed one utterance at a time over stdin (sapi-protocol.ts), each
 * one ended exactly once (done, cancelled, an error, or the process dying).
 * A process that dies while speaking is restarted once for that utterance;
 * dying again is a clear error. Cancelling silences SAPI without killing it.
 */
export class SapiVoice {
  private running: Running | null = null
  private current: Sent | null = null
  /** utterances wait here for the one before to be released */
  private turn: Promise<void> = Promise.resolve()
  private nextId = 1
  private idle: NodeJS.Timeout | null = null
  private readonly spawn: SpawnProgram
  private readonly idleMs: number
  private readonly cancelGraceMs: number

  constructor(opts: SapiVoiceOptions = {}) {
    this.spawn = opts.spawn ?? spawnProgram
    this.idleMs = opts.idleMs ?? 300_000
    this.cancelGraceMs = opts.cancelGraceMs ?? 2000
  }

  /** Start the process if none runs, so its start-up (System.Speech loads slowly) overlaps the wait for text. */
  warm(): void {
    try {
      this.process()
      this.armIdle()
    } catch {
      // speaking reports what is wrong
    }
  }

  speak(u: SapiUtterance): Promise<void> {
    return new Promise((resolve, reject) => {
      let told = false
      const settle = (err: TtsError | null): void => {
        if (told) return
        told = true
        if (err) reject(err)
        else resolve()
      }
      this.turn = this.turn.then(() => new Promise<void>((release) => this.send(u, settle, release)))
    })
  }

  /** Close its stdin: the process ends when it has read it all. */
  close(): void {
    const r = this.running
    this.running = null
    r?.child.stdin?.end()
  }

  private send(u: SapiUtterance, settle: Sent['settle'], release: () => void, restarts = 0): void {
    if (u.signal.aborted) {
      settle(stopped())
      return release()
    }
    let r: Running
    try {
      r = this.process()
    } catch (err) {
      settle(err as TtsError)
      return release()
    }
    if (this.idle) clearTimeout(this.idle)
    const id = this.nextId++
    const timer = setTimeout(() => this.fail(`did not finish within ${Math.round(u.timeoutMs / 1000)} s`), u.timeoutMs)
    const sent: Sent = { id, u, settle, release, timer, restarts, to: r, onAbort: () => this.cancel(sent) }
    this.current = sent
    u.signal.addEventListener('abort', sent.onAbort, { once: true })
    r.child.stdin?.write(speakLine(id, u.rate, u.voice, u.text))
  }

  private cancel(sent: Sent): void {
    if (this.current !== sent) return
    sent.settle(stopped())
    sent.to.child.stdin?.write(cancelLine(sent.id))
    // silence is confirmed by 'cancelled'; a process that cannot stop its voice is killed
    clearTimeout(sent.timer)
    sent.timer = setTimeout(() => this.fail('did not stop speaking'), this.cancelGraceMs)
  }

  private onReply(reply: SapiReply): void {
    const sent = this.current
    if (!sent || reply.id !== sent.id) return
    if (reply.kind === 'started') return sent.u.onSound?.()
    if (reply.kind === 'error') sent.settle(new TtsError(`the Windows voice failed: ${reply.message}`, 'failed'))
    else if (reply.kind === 'cancelled') sent.settle(stopped())
    else sent.settle(null)
    this.end(sent)
  }

  /** The process is done with `sent`. */
  private end(sent: Sent): void {
    this.forget(sent)
    sent.release()
    this.armIdle()
  }

  private forget(sent: Sent): void {
    clearTimeout(sent.timer)
    sent.u.signal.removeEventListener('abort', sent.onAbort)
    this.current = null
  }

  /** Kill a process that broke the protocol or its time; what it was saying fails. */
  private fail(why: string): void {
    const r = this.running
    const sent = this.current
    this.running = null
    if (r) killTree(r.child, 'SIGKILL')
    if (!sent) return
    sent.settle(new TtsError(`${PROGRAM} ${why} and was stopped`, 'failed'))
    this.end(sent)
  }

  private onExit(r: Running, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.running === r) this.running = null
    const sent = this.current
    // a process we already gave up on may close after the next utterance went to its successor
    if (!sent || sent.to !== r) return
    this.forget(sent)
    if (!sent.u.signal.aborted && sent.restarts === 0) {
      return this.send(sent.u, sent.settle, sent.release, 1)
    }
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
    const detail = r.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300)
    sent.settle(
      new TtsError(
        `the Windows voice (${PROGRAM}) stopped twice in a row; it ${how}${detail ? `: ${detail}` : ''}`,
        'failed'
      )
    )
    this.end(sent)
  }

  /** The running process, started if there is none; throws a TtsError when PowerShell cannot be started. */
  private process(): Running {
    if (this.running) return this.running
    let child: ChildProcess
    try {
      child = this.spawn(PROGRAM, [...SAPI_ARGS], { stdio: 'pipe' })
    } catch (err) {
      if (err instanceof ProgramMissingError)
        throw new TtsError(`${PROGRAM} is not installed. ${MISSING_HINT}`, 'missing')
      throw new TtsError(`cannot start ${PROGRAM}: ${(err as Error).message}`, 'failed')
    }
    const r: Running = { child, stderr: '' }
    this.running = r
    child.once('error', (err) => {
      r.stderr += `\n${err.message}`
    })
    child.stdin?.on('error', () => {}) // EPIPE when it died: its exit says more
    child.stderr?.on('data', (d: Buffer) => (r.stderr = (r.stderr + d.toString()).slice(-2000)))
    readLines(
      child,
      (line) => this.onReply(line),
      () => this.running === r && this.fail('broke its protocol')
    )
    child.once('close', (code, signal) => this.onExit(r, code, signal))
    // a kept voice must not keep `hark ask` running; an utterance's timer does while it speaks
    child.unref()
    for (const s of [child.stdin, child.stdout, child.stderr]) (s as unknown as { unref?: () => void })?.unref?.()
    return r
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle)
    if (!this.running || this.current) return
    this.idle = setTimeout(() => !this.current && this.close(), this.idleMs)
    this.idle.unref()
  }
}

function readLines(child: ChildProcess, onReply: (r: SapiReply) => void, onOverflow: () => void): void {
  let partial = ''
  child.stdout?.setEncoding('utf8')
  child.stdout?.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    if (partial.length > MAX_LINE) {
      partial = ''
      return onOverflow()
    }
    for (const line of lines) {
      const reply = parseReply(line)
      if (reply) onReply(reply)
    }
  })
}

function stopped(): TtsError {
  return new TtsError('the Windows voice was stopped', 'aborted')
}
