import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ChildSupervisor } from '../../../../src/main/engine/platform/child-supervisor'
import {
  nodeSupervisor,
  posixSupervisor,
  type SupervisorCommand
} from '../../../../src/main/engine/platform/supervisor-command'

/**
 * Stands in for the app on another platform's supervisor, run here:
 * `argv[3]` is `ps` (a Unix without /proc: the marked processes are found
 * with ps, spelled `e` by this machine's procps where macOS says `-E`) or
 * `node` (Windows: the Node supervisor, with `argv[4]` standing in for
 * taskkill). Starts a "TTS binary" whose grandchild leaves its group with
 * setsid and a "recorder", writes their pids to argv[2]/pids, then waits to
 * be killed.
 */
const [dir, mode, killer] = process.argv.slice(2) as [string, 'ps' | 'node', string | undefined]
const command = (token: string): SupervisorCommand =>
  mode === 'ps' ? posixSupervisor(token, { psEnvFlag: 'e' }) : nodeSupervisor(process.execPath, killer!)
const supervisor = new ChildSupervisor(command)
const tts = supervisor.spawn(
  '/bin/sh',
  ['-c', `setsid sleep 60 & echo $! > "${join(dir, 'grandchild')}"; exec sleep 60`],
  {
    stdio: 'ignore'
  }
)
const recorder = supervisor.spawn('/bin/sleep', ['60'], { stdio: 'ignore' })
setTimeout(() => writeFileSync(join(dir, 'pids'), `${tts.pid} ${recorder.pid}`), 300)
setInterval(() => {}, 1000)
