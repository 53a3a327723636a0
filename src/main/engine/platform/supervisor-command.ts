import { win32 } from 'node:path'

/**
 * The supervisor each platform can run (child-supervisor.ts says what it is
 * for). All of them read the same lines on stdin, "+PID" to watch a child and
 * "-PID" to forget it, and act once stdin closes: the app was its only
 * writer, so it is gone, however it died. Nothing here needs /proc to notice
 * that; /proc only finds the children that left their group.
 *
 * - Linux: a shell kills each child's process group, then every process whose
 *   environment carries the app's token (a `setsid` grandchild).
 * - macOS and other Unixes: the same shell, finding the token with `ps`,
 *   which prints environments there (`-E`), for want of /proc.
 * - Windows: no sh and no groups: a tiny Node script (Electron runs as Node
 *   with ELECTRON_RUN_AS_NODE) ends each child's tree with taskkill.
 */

export const SUPERVISED_ENV = 'HARK_SUPERVISED_BY'

export interface SupervisorCommand {
  command: string
  args: string[]
  /** added to the app's environment */
  env?: Record<string, string>
}

/** How a Unix supervisor finds processes marked with the token: /proc, or `ps` with this environment flag. */
export type MarkedScan = { proc: true } | { psEnvFlag: string }

const POSIX_SCRIPT = `
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
mark="${SUPERVISED_ENV}=$1"
if [ -z "$2" ]; then
  for f in $(grep -lsxz "$mark" /proc/[0-9]*/environ 2>/dev/null); do
    p="\${f#/proc/}"; p="\${p%/environ}"
    [ "$p" = "$$" ] || kill -KILL "$p" 2>/dev/null
  done
else
  ps -A -ww $2 -o pid= -o command= 2>/dev/null | while read -r p rest; do
    case " $rest " in *" $mark "*) [ "$p" = "$$" ] || kill -KILL "$p" 2>/dev/null ;; esac
  done
fi
`

export function posixSupervisor(token: string, scan: MarkedScan): SupervisorCommand {
  const flag = 'psEnvFlag' in scan ? scan.psEnvFlag : ''
  return { command: '/bin/sh', args: ['-c', POSIX_SCRIPT, 'hark-supervisor', token, flag] }
}

/**
 * Runs under Node. Lines are bounded: a line longer than any pid is dropped.
 * `killer` is taskkill's absolute path (never looked up on PATH).
 */
const NODE_SCRIPT = `
const killer = process.argv[1]
const pids = new Set()
let buffer = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (chunk) => {
  buffer += chunk
  let end
  while ((end = buffer.indexOf('\\n')) >= 0) {
    const m = /^([+-])(\\d{1,10})\\r?$/.exec(buffer.slice(0, end))
    buffer = buffer.slice(end + 1)
    if (m && m[1] === '+') pids.add(m[2])
    else if (m) pids.delete(m[2])
  }
  if (buffer.length > 64) buffer = ''
})
const stop = () => {
  const { spawnSync } = require('node:child_process')
  for (const pid of pids) spawnSync(killer, ['/PID', pid, '/T', '/F'], { stdio: 'ignore', windowsHide: true })
  process.exit(0)
}
process.stdin.on('end', stop)
process.stdin.on('error', stop)
`

export function nodeSupervisor(execPath: string, killer: string): SupervisorCommand {
  return { command: execPath, args: ['-e', NODE_SCRIPT, killer], env: { ELECTRON_RUN_AS_NODE: '1' } }
}

/** The supervisor for this platform: `execPath` runs Node (or Electron as Node), `env` is the app's. */
export function supervisorCommand(
  platform: NodeJS.Platform,
  token: string,
  execPath: string,
  env: NodeJS.ProcessEnv
): SupervisorCommand {
  if (platform === 'win32') {
    const system = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? 'C:\\Windows'
    return nodeSupervisor(execPath, win32.join(system, 'System32', 'taskkill.exe'))
  }
  return posixSupervisor(token, platform === 'linux' ? { proc: true } : { psEnvFlag: '-E' })
}
