import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import type { Writable } from 'node:stream'

/**
 * No voice after the app is gone. Every child Hark starts (TTS, players,
 * recorders) goes through `spawnSupervised`, which starts it in its own process
 * group, marks its environment with this app's token, and tells one small
 * supervisor (a shell, started once) about the group. The supervisor reads its
 * stdin, whose only writer is the app: when that pipe closes, the app is gone,
 * however it died (SIGKILL included), and the supervisor kills every group it
 * was told about and, on Linux, every process whose environment carries the
 * token, which catches a `setsid` grandchild that left its group.
 *
 * Windows has no groups or sh: there children are spawned plainly.
 *
 * Callers go through spawnProgram (spawn-program.ts), which resolves the
 * program's absolute path first; this file only starts and supervises it.
 */

export const SUPERVISED_ENV = 'HARK_SUPERVISED_BY'

/**
 * "+PGID" adds a group, "-PGID" forgets it (it ended, and its number may be
 * reused). Lines that are not exactly that are ignored. $1 is the token.
 */
const SUPERVISOR_SCRIPT = `
groups=" "
while IFS= read -r line; do
  p="\${line#?}"
  case "$p" in ''|*[!0-9]*) continue ;; esac
  case "$line" in
    +*) groups="$groups$p " ;;
    -*) case "$groups" in *" $p "*) groups="\${groups%% $p *} \${groups#* $p }" ;; esac ;;
  esac
done
for g in $groups; do kill -KILL -$g 2>/dev/null; done
if [ -d /proc/self ]; then
  for f in $(grep -lsxz "${SUPERVISED_ENV}=$1" /proc/[0-9]*/environ 2>/dev/null); do
    p="\${f#/proc/}"; p="\${p%/environ}"
    [ "$p" = "$$" ] || kill -KILL "$p" 2>/dev/null
  done
fi
`

class ChildSupervisor {
  readonly token = randomUUID()
  private input: Writable | null = null

  /** The supervisor's stdin, started on first use and again if it ever died. */
  private pipe(): Writable | null {
    if (this.input) return this.input
    try {
      const child = spawn('/bin/sh', ['-c', SUPERVISOR_SCRIPT, 'hark-supervisor', this.token], {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore']
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

  watch(child: ChildProcess): void {
    const pid = child.pid
    const input = pid === undefined ? null : this.pipe()
    if (!input) return
    input.write(`+${pid}\n`)
    child.once('close', () => this.input?.write(`-${pid}\n`))
  }
}

let supervisor: ChildSupervisor | null = null

/**
 * `spawn`, for any child that must not outlive the app: its own process group
 * (so `killTree` reaches what it starts), and watched by the supervisor. Never
 * a shell, never a console window on Windows, whatever the caller passed.
 */
export function spawnSupervised(path: string, args: readonly string[], opts: SpawnOptions = {}): ChildProcess {
  const safe = { ...opts, windowsHide: true, shell: false }
  if (process.platform === 'win32') return spawn(path, args, safe)
  supervisor ??= new ChildSupervisor()
  const env = { ...(opts.env ?? process.env), [SUPERVISED_ENV]: supervisor.token }
  const child = spawn(path, args, { ...safe, env, detached: true })
  supervisor.watch(child)
  return child
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
