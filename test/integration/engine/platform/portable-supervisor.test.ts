import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { waitUntil } from '../../../support/e2e-actions'
import { alive } from '../../../support/process-tree'

/**
 * The supervisors other platforms run (supervisor-command.ts), run here with
 * the platform's own part faked: `ps` spelled as this machine's procps spells
 * it, and a stand-in for Windows' taskkill. Each must stop the children once
 * the app is SIGKILLed.
 */

const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
const app = join(__dirname, 'platform-supervised-app.ts')

const pidsIn = (dir: string, name: string): number[] =>
  existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8').trim().split(/\s+/).map(Number) : []

let dir: string
afterEach(() => {
  for (const pid of [...pidsIn(dir, 'pids'), ...pidsIn(dir, 'grandchild')]) {
    if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL')
  }
  rmSync(dir, { recursive: true, force: true })
})

/** Starts the stand-in app and SIGKILLs it once its children run; the children's pids, once all of them stopped. */
async function killApp(args: string[], watched: (dir: string) => number[]): Promise<number[]> {
  const proc = spawn(tsx, [app, dir, ...args], { stdio: 'inherit' })
  try {
    await waitUntil('the app started its children', () => existsSync(join(dir, 'pids')), 15_000)
    const pids = watched(dir)
    expect(pids.every(alive)).toBe(true)
    // tsx runs the script in a child node process: kill that one, the "app"
    const appPid = Number(readFileSync(`/proc/${pids[0]}/stat`, 'utf8').split(' ')[3])
    process.kill(appPid, 'SIGKILL')
    // a generous bound, not a measurement: timing assertions flake on a loaded machine
    await waitUntil('no child of the dead app is left', () => !pids.some(alive), 3000)
    return pids
  } finally {
    proc.kill('SIGKILL')
  }
}

describe('the supervisor of a Unix without /proc (macOS)', () => {
  it('stops every child once the app is SIGKILLed, finding a setsid grandchild with ps', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hark-supervisor-ps-'))
    const pids = await killApp(['ps'], (d) => [...pidsIn(d, 'pids'), ...pidsIn(d, 'grandchild')])
    expect(pids).toHaveLength(3)
  })
})

describe('the supervisor of Windows (a Node script ending trees with taskkill)', () => {
  it('ends each child’s tree once the app is SIGKILLed, by pid, as taskkill /T /F', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hark-supervisor-node-'))
    // taskkill's stand-in: records its arguments, then ends the tree it names (here, the child's group)
    const killer = join(dir, 'taskkill')
    writeFileSync(killer, `#!/bin/sh\necho "$*" >> "${join(dir, 'taskkill.log')}"\nkill -KILL -"$2"\n`)
    chmodSync(killer, 0o755)
    const pids = await killApp(['node', killer], (d) => pidsIn(d, 'pids'))
    const calls = readFileSync(join(dir, 'taskkill.log'), 'utf8').trim().split('\n').sort()
    expect(calls).toEqual(pids.map((p) => `/PID ${p} /T /F`).sort())
  })
})
