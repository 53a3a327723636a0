import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Peak memory of a child process: its own report at exit (report-peak-rss.cjs)
 * and /proc polling, which also kills it past `killAboveMb` so a runaway
 * (the code before a fix, say) can never take the machine down with it.
 */
export interface PeakRss {
  /** env for the child: preloads the reporter */
  env: NodeJS.ProcessEnv
  /** pass to runHark's onSpawn */
  watch: (child: ChildProcess) => void
  /** after the child has exited */
  result: () => { peakMb: number; killed: boolean }
}

const PRELOAD = resolve(__dirname, 'report-peak-rss.cjs')

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0 // already gone
  }
}

export function peakRss(killAboveMb: number): PeakRss {
  const dir = mkdtempSync(join(tmpdir(), 'hark-rss-'))
  const file = join(dir, 'peak-kb')
  let polledKb = 0
  let killed = false
  let timer: ReturnType<typeof setInterval> | undefined
  return {
    env: { NODE_OPTIONS: `--require ${PRELOAD}`, HARK_PEAK_RSS_FILE: file },
    watch: (child) => {
      const pid = child.pid
      if (pid === undefined) return
      timer = setInterval(() => {
        polledKb = Math.max(polledKb, statusKb(pid, 'VmHWM'))
        if (statusKb(pid, 'VmRSS') > killAboveMb * 1024) {
          killed = true
          child.kill('SIGKILL')
        }
      }, 10)
      child.once('exit', () => clearInterval(timer))
    },
    result: () => {
      clearInterval(timer)
      let reportedKb = 0
      try {
        reportedKb = Number(readFileSync(file, 'utf8'))
      } catch {
        // killed before it could report: the polled peak is all there is
      }
      rmSync(dir, { recursive: true, force: true })
      return { peakMb: Math.round(Math.max(polledKb, reportedKb) / 1024), killed }
    }
  }
}
