import type { ChildProcess } from 'node:child_process'
import { killTree } from '../platform/child-supervisor'
import { ProgramMissingError, spawnProgram } from '../platform/spawn-program'
import { TtsError } from './speech-types'

export interface RunOptions {
  /** written to stdin, then stdin is closed; model text travels here, never in argv */
  input?: string | Buffer
  signal?: AbortSignal
  timeoutMs: number
  /** what to tell the user when the binary is not installed */
  missingHint: string
  /** cap on collected stdout, so a runaway synthesiser cannot eat memory */
  maxStdoutBytes?: number
  /** called once the process is running and holds the first piece of `input` (for a player: it has audio) */
  onStarted?: () => void
}

export interface RunResult {
  stdout: Buffer
  stderr: string
}

/** How long a process gets to go after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 250
/** After SIGKILL we stop waiting for the exit event even if it never comes. */
const GIVE_UP_MS = 1500

/**
 * Spawn in a process group of its own, supervised so it dies with the app
 * however the app ends. Throws ProgramMissingError when the binary is on no
 * search path (spawnProgram), otherwise synchronously only for invalid arguments.
 */
export function startProcess(cmd: string, args: string[]): ChildProcess {
  return spawnProgram(cmd, args, { stdio: 'pipe' })
}

function describeExit(cmd: string, code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
  const detail = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300)
  return `${cmd} ${how}${detail ? `: ${detail}` : ''}`
}

/**
 * Run one command in its own process group (supervised: it dies with the app)
 * with a hard timeout. Resolves with
 * its output on exit code 0; otherwise rejects with a TtsError: 'missing' when
 * the binary is not installed, 'aborted' when the signal fired, 'failed' for
 * everything else (timeouts included). Never throws synchronously.
 */
export function runProcess(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  if (opts.signal?.aborted) return Promise.reject(new TtsError(`${cmd} was stopped`, 'aborted'))
  let child: ChildProcess
  try {
    child = startProcess(cmd, args)
  } catch (err) {
    if (err instanceof ProgramMissingError) return Promise.reject(missing(cmd, opts.missingHint))
    return Promise.reject(new TtsError(`cannot start ${cmd}: ${(err as Error).message}`, 'failed'))
  }
  return runChild(child, cmd, opts)
}

/** runProcess for a child already started by startProcess (one kept waiting for its input, say). */
export function runChild(child: ChildProcess, cmd: string, opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      killTree(child, 'SIGKILL')
      return reject(new TtsError(`${cmd} was stopped`, 'aborted'))
    }
    const chunks: Buffer[] = []
    let size = 0
    let stderr = ''
    let ending: EndReason | null = null
    const timers: NodeJS.Timeout[] = []
    let settled = false

    const finish = (err: TtsError | null): void => {
      if (settled) return
      settled = true
      timers.forEach(clearTimeout)
      opts.signal?.removeEventListener('abort', onAbort)
      if (err) reject(err)
      else resolve({ stdout: Buffer.concat(chunks), stderr })
    }
    const endWith = (why: EndReason): void => {
      if (ending || settled) return
      ending = why
      killTree(child, 'SIGTERM')
      timers.push(setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS))
      timers.push(setTimeout(() => finish(endError(cmd, why, opts.timeoutMs)), KILL_GRACE_MS + GIVE_UP_MS))
    }
    const onAbort = (): void => endWith('aborted')

    opts.signal?.addEventListener('abort', onAbort, { once: true })
    timers.push(setTimeout(() => endWith('timeout'), opts.timeoutMs))
    child.stdout?.on('data', (d: Buffer) => {
      size += d.length
      if (size > (opts.maxStdoutBytes ?? 64 * 1024 * 1024)) return endWith('overflow')
      chunks.push(d)
    })
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)))
    // EPIPE when the process dies before reading all its input: the exit says more.
    child.stdin?.on('error', () => {})
    // pid is set at once when the spawn worked; without one, 'error' follows
    if (child.pid !== undefined) feed(child, opts.input ?? '', () => !settled && opts.onStarted?.())

    child.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') finish(missing(cmd, opts.missingHint))
      else finish(new TtsError(`cannot run ${cmd}: ${err.message}`, 'failed'))
    })
    child.once('close', (code, signal) => {
      if (ending) return finish(endError(cmd, ending, opts.timeoutMs))
      if (code === 0) return finish(null)
      finish(new TtsError(describeExit(cmd, code, signal, stderr), 'failed'))
    })
  })
}

/** A first piece fits the empty pipe at once, so `started` is not held back until the player has read the rest. */
const FIRST_PIECE = 4096

function feed(child: ChildProcess, input: string | Buffer, started: () => void): void {
  const data = typeof input === 'string' ? Buffer.from(input) : input
  child.stdin?.write(data.subarray(0, FIRST_PIECE), (err) => !err && started())
  child.stdin?.end(data.subarray(FIRST_PIECE))
}

function missing(cmd: string, hint: string): TtsError {
  return new TtsError(`${cmd} is not installed. ${hint}`, 'missing')
}

type EndReason = 'aborted' | 'timeout' | 'overflow'

function endError(cmd: string, why: EndReason, timeoutMs: number): TtsError {
  if (why === 'aborted') return new TtsError(`${cmd} was stopped`, 'aborted')
  if (why === 'overflow') return new TtsError(`${cmd} produced too much output and was killed`, 'failed')
  return new TtsError(`${cmd} did not finish within ${Math.round(timeoutMs / 1000)} s and was killed`, 'failed')
}

/** Synthesis and playback budgets: generous, but a hung process cannot hang the queue. */
export function timeoutForText(text: string, rate = 1): number {
  return Math.round(5000 + (150 * text.length) / Math.max(rate, 0.25))
}
