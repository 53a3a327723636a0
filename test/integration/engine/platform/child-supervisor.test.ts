import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { waitUntil } from '../../../support/e2e-actions'
import { alive } from '../../../support/process-tree'

const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
const app = join(__dirname, 'supervised-app.ts')

let dir: string
afterEach(() => {
  for (const name of ['pids', 'grandchild']) {
    const file = join(dir, name)
    if (!existsSync(file)) continue
    for (const pid of readFileSync(file, 'utf8').trim().split(/\s+/).map(Number)) {
      if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL')
    }
  }
  rmSync(dir, { recursive: true, force: true })
})

describe('a child started by spawnProgram', () => {
  it('stops every child within 1 s of the app being SIGKILLed, a setsid grandchild included', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hark-supervisor-'))
    const proc = spawn(tsx, [app, dir], { stdio: 'inherit' })
    await waitUntil('the app started its children', () => existsSync(join(dir, 'pids')), 15_000)
    const pids = [
      ...readFileSync(join(dir, 'pids'), 'utf8').trim().split(' ').map(Number),
      Number(readFileSync(join(dir, 'grandchild'), 'utf8').trim())
    ]
    expect(pids.every(alive)).toBe(true)
    // tsx runs the script in a child node process: kill that one, the "app"
    const appPid = Number(readFileSync(`/proc/${pids[0]}/stat`, 'utf8').split(' ')[3])
    process.kill(appPid, 'SIGKILL')
    const killedAt = Date.now()
    await waitUntil('no child of the dead app is left', () => !pids.some(alive), 3000)
    expect(Date.now() - killedAt).toBeLessThan(1000)
    proc.kill('SIGKILL')
  })
})
