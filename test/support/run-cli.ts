import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import type { TurnEvent } from '../../src/shared/turn-events'

const HARK_BIN = resolve(__dirname, '../../bin/hark.js')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  /** parsed --json lines */
  events: TurnEvent[]
  /** ms after spawn at which each stdout chunk arrived */
  stdoutTimes: Array<{ at: number; text: string }>
}

/** Runs the built `hark` command the way a user would, collecting output as it arrives. */
export function runHark(
  args: string[],
  opts: {
    env?: NodeJS.ProcessEnv
    timeoutMs?: number
    onStdout?: (text: string) => void
    /** e.g. to watch the child's memory */
    onSpawn?: (child: ChildProcess) => void
    /** false: only onStdout sees the output (for answers too big to keep twice) */
    keepStdout?: boolean
  } = {}
): Promise<CliRun> {
  const started = Date.now()
  const child = spawn(process.execPath, [HARK_BIN, ...args], {
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      PULSE_SERVER: process.env['PULSE_SERVER'],
      ...opts.env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  opts.onSpawn?.(child)
  const run: CliRun = { code: null, stdout: '', stderr: '', events: [], stdoutTimes: [] }
  child.stdout.on('data', (d: Buffer) => {
    const text = d.toString()
    if (opts.keepStdout !== false) {
      run.stdout += text
      run.stdoutTimes.push({ at: Date.now() - started, text })
    }
    opts.onStdout?.(text)
  })
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000)
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      run.code = code
      if (args.includes('--json')) {
        run.events = run.stdout
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as TurnEvent)
      }
      resolvePromise(run)
    })
  })
}
