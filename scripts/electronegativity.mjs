#!/usr/bin/env node
// Runs Electronegativity over src/ and fails on any HIGH or MEDIUM finding that
// is not in security/reviewed-findings.json (findings the tool itself marks for
// manual review, each with the reason it is safe).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version
const out = join(mkdtempSync(join(tmpdir(), 'hark-en-')), 'report.csv')
const cli = require.resolve('@doyensec/electronegativity/dist/index.js')
execFileSync(process.execPath, [cli, '-i', 'src', '-r', '-e', electronVersion, '-v', 'false', '-o', out], {
  stdio: ['ignore', 'ignore', 'inherit']
})

const reviewed = JSON.parse(readFileSync('security/reviewed-findings.json', 'utf8'))
const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map(parseCsvLine)
const serious = rows.filter(([, severity]) => severity === 'HIGH' || severity === 'MEDIUM')
const unreviewed = serious.filter(
  ([check, , , file, , sample]) =>
    !reviewed.some((r) => r.check === check && r.file === file && sample.includes(r.sample))
)
for (const [check, severity, confidence, file, location, sample] of unreviewed) {
  console.error(`electronegativity: ${severity} ${check} (${confidence}) at ${file}:${location}: ${sample}`)
}
console.log(
  `electronegativity: ${rows.length} findings, ${serious.length} HIGH/MEDIUM, ${serious.length - unreviewed.length} reviewed, ${unreviewed.length} open`
)
process.exit(unreviewed.length ? 1 : 0)

function parseCsvLine(line) {
  const cells = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"' && line[i + 1] === '"' && quoted) {
      cell += '"'
      i++
    } else if (c === '"') quoted = !quoted
    else if (c === ',' && !quoted) {
      cells.push(cell.trim())
      cell = ''
    } else cell += c
  }
  cells.push(cell.trim())
  return cells
}
