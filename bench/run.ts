import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Runs each bench/*.bench.ts (or the ones named on the command line) and prints
 * its table. A bench reports ratios against a baseline it measures in the same
 * run, so a noisy machine shifts both sides alike.
 */
export interface BenchTable {
  title: string
  rows: Array<Record<string, string | number>>
  notes?: string[]
}

function printTable({ title, rows, notes }: BenchTable): void {
  console.log(`\n## ${title}\n`)
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const cell = (v: unknown): string => (typeof v === 'number' ? formatNumber(v) : String(v ?? ''))
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (values: string[]): string => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`
  console.log(line(columns))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  rows.forEach((r) => console.log(line(columns.map((c) => cell(r[c])))))
  notes?.forEach((n) => console.log(`\n${n}`))
}

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v)
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3)
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const dir = __dirname
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort()
  let failures = 0
  for (const file of files) {
    const started = Date.now()
    try {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
        default: () => Promise<BenchTable | BenchTable[]>
      }
      const result = await mod.default()
      ;(Array.isArray(result) ? result : [result]).forEach(printTable)
      console.log(`\n(${file}: ${((Date.now() - started) / 1000).toFixed(1)} s)`)
    } catch (err) {
      failures++
      console.error(`\n${file} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    }
  }
  process.exit(failures ? 1 : 0)
}

void main()
