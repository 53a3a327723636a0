import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import type { Writable } from 'node:stream'
import { SUPERVISED_ENV, supervisorCommand, type SupervisorCommand } from './supervisor-command'

/**
 * No voice after the app is gone. Every child Hark starts (TTS, players,
 * recorders) goes through `spawnSupervised`, which marks its environment with
 * this app's token and tells one small supervisor process (started once)
 * about it. The supervisor reads its stdin, whose only writer is the app:
 * when that pipe closes, the app is gone, however it died (SIGKILL included),
 * and it kills every child it was told about and what they started
 * (supervisor-command.ts has each platform's way).
 *
 * On Unix each child gets its own process group, so `killTree` reaches what
 * it starts; Windows has no groups, and its supervisor ends trees instead.
 *
 * Callers go through spawnProgram (spawn-program.ts), which resolves the
 * program's absolute path first; this file only starts and supervises it.
 */

export { SUPERVISED_ENV }

export class ChildSupervisor {
  readonly token = randomUUID()
  private input: Writable | null = null

  constructor(private readonly command: (token: string) => SupervisorCommand) {}

  /** The supervisor's stdin, started on first use and again if it ever died. */
  private pipe(): Writable | null {
    if (this.input) return this.input
    try {
      const { command, args, env } = this.command(this.token)
      const child = spawn(command, args, {
        // a group of its own on Unix, so a signal to the app's group spares it; Windows needs no such thing
        detached: process.platform !== 'win32',
        stdio: ['pipe', 'ignore', 'ignore'],
        windowsHide: true,
        env: env ? { ...process.env, ...env } : process.env
      })
      const input = child.stdin!
      input.on('error', () => {})
      child.on('error', () => {})
      child.once('exit', () => {
        if (this.input === input) this.input = null
      })
      // Neither the supervisor nor its pipe may keep the app (or `hark ask`) running.
      child.unref()
      ;(input as unknown as { unref?: () => void }).unref?.()
      this.input = input
      return input
    } catch {
      return null
    }
  }

  /**
   * `spawn`, for any child that must not outlive the app: marked, watched and,
   * on Unix, in its own process group. Never a shell, never a console window
   * on Windows, whatever the caller passed.
   */
  spawn(path: string, args: readonly string[], opts: SpawnOptions = {}): ChildProcess {
    const env = { ...(opts.env ?? process.env), [SUPERVISED_ENV]: this.token }
    const detached = process.platform !== 'win32'
    const child = spawn(path, args, { ...opts, windowsHide: true, shell: false, env, detached })
    this.watch(child)
    return child
  }

  private watch(child: ChildProcess): void {
    const pid = child.pid
    const input = pid === undefined ? null : this.pipe()
    if (!input) return
    input.write(`+${pid}\n`)
    child.once('close', () => this.input?.write(`-${pid}\n`))
  }
}

let supervisor: ChildSupervisor | null = null

/** `spawn` through the app's one supervisor (ChildSupervisor.spawn). */
export function spawnSupervised(path: string, args: readonly string[], opts: SpawnOptions = {}): ChildProcess {
  supervisor ??= new ChildSupervisor((token) =>
    supervisorCommand(process.platform, token, process.execPath, process.env)
  )
  return supervisor.spawn(path, args, opts)
}

/**
 * Kill the whole process group we created (the child is spawned detached, so
 * its pid is the group id): exactly our tree, nothing else. Windows has no
 * groups; there the child alone is killed.
 */
export function killTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    if (process.platform === 'win32') child.kill(signal)
    else process.kill(-child.pid, signal)
  } catch {
    // ESRCH: the group is already gone, which is what we wanted
  }
}
