import type { ChildProcess } from 'node:child_process'
import { startProcess } from './run-process'
import { killTree } from '../platform/child-supervisor'

/**
 * A waiting synthesiser holds hundreds of MB (festival: about 320 MB). The
 * speech queue releases it once the voice has nothing to say; this is the
 * limit for one warmed and then never used (a turn that failed before it spoke).
 */
const IDLE_MS = 30_000

interface Waiting {
  key: string
  child: ChildProcess
  idle: NodeJS.Timeout
}

/**
 * One process started before its input is known: a synthesiser loads its
 * program and voice while the answer is still on its way, a player connects
 * to the sound server before the audio exists; then it waits on stdin.
 * `take` hands it over for the next utterance with the same argv.
 */
export class WarmProcess {
  private waiting: Waiting | null = null

  constructor(
    private readonly cmd: string,
    private readonly idleMs = IDLE_MS
  ) {}

  /** Start one for `args` unless one is already waiting for them. */
  warm(args: string[]): void {
    const key = JSON.stringify(args)
    const w = this.waiting
    if (w && w.key === key && alive(w.child)) {
      w.idle.refresh()
      return
    }
    this.discard()
    let child: ChildProcess
    try {
      child = startProcess(this.cmd, args)
    } catch {
      return // speaking will start one the usual way and report what is wrong
    }
    // nobody listens yet: a missing binary or a closed pipe must not be unhandled
    child.once('error', () => {})
    child.stdin?.on('error', () => {})
    const idle = setTimeout(() => this.discard(), this.idleMs)
    idle.unref()
    this.waiting = { key, child, idle }
  }

  /** The waiting process for exactly these args, if it is still alive; it is no longer ours to kill. */
  take(args: string[]): ChildProcess | null {
    const w = this.waiting
    if (!w || w.key !== JSON.stringify(args) || !alive(w.child)) return null
    clearTimeout(w.idle)
    this.waiting = null
    return w.child
  }

  discard(): void {
    const w = this.waiting
    this.waiting = null
    if (!w) return
    clearTimeout(w.idle)
    killTree(w.child, 'SIGKILL')
  }
}

function alive(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null
}
