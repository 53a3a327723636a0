import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnProgram } from '../../../../src/main/engine/platform/spawn-program'

/**
 * Stands in for the app: starts, through the one spawn helper, a "TTS binary" that puts a grandchild in a
 * session of its own (setsid leaves the process group) and a "recorder", writes
 * their pids to argv[2]/pids, then waits to be killed.
 */
const dir = process.argv[2]!
const tts = spawnProgram('sh', ['-c', `setsid sleep 60 & echo $! > "${join(dir, 'grandchild')}"; exec sleep 60`], {
  stdio: 'ignore'
})
const recorder = spawnProgram('sleep', ['60'], { stdio: 'ignore' })
setTimeout(() => {
  writeFileSync(join(dir, 'pids'), `${tts.pid} ${recorder.pid}`)
}, 300)
setInterval(() => {}, 1000)
