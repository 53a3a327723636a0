import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface ProcessInfo {
  pid: number
  ppid: number
  command: string
  args: string
}

/** Every live process below `root` (children, grandchildren…), from one `ps` snapshot. */
export function descendants(root: number): ProcessInfo[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm=,args='], { encoding: 'utf8', timeout: 10_000 })
  const all = out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\S+)\s*(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), command: m[3]!, args: m[4]! }))
  const found: ProcessInfo[] = []
  const parents = new Set([root])
  for (let grew = true; grew;) {
    grew = false
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid)
        found.push(p)
        grew = true
      }
    }
  }
  return found.filter((p) => !p.args.startsWith('ps '))
}

/** Running, and not a zombie: a killed process whose new parent has not reaped it yet is dead and silent, yet signalable. */
export function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z'
  } catch {
    return false
  }
}
