#!/usr/bin/env node
// `npm test`: every check, in order, on the built app. Every step runs even if
// an earlier one fails, so one run shows everything; the exit code is non-zero
// if anything failed. The audio and e2e suites share one PulseAudio sink, so
// they run after the others and never at the same time.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const extra = process.argv.slice(2)
const npx = (...args) => ['npx', ['--no-install', ...args]]
const vitest = (name, projects) => [
  `tests:${name}`,
  npx(
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=test-results/${name}.json`,
    ...extra
  ),
  { HARK_SKIP_BUILD: '1' },
  `test-results/${name}.json`
]
const steps = [
  ['typecheck', ['npm', ['run', '-s', 'typecheck']]],
  ['lint', npx('eslint', '.')],
  ['format', npx('prettier', '--check', '.')],
  ['security', ['node', ['scripts/electronegativity.mjs']]],
  ['build', npx('electron-vite', 'build')],
  vitest('engine', ['unit', 'integration']),
  vitest('audio', ['audio']),
  vitest('e2e', ['e2e'])
]

mkdirSync('test-results', { recursive: true })
const failed = []
const totals = { passed: 0, failed: 0, skipped: 0, total: 0 }
for (const [name, [cmd, args], env, report] of steps) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`)
  if (report) rmSync(report, { force: true })
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (r.status !== 0) failed.push(name)
  if (report) addCounts(name, report)
}

function addCounts(name, report) {
  if (!existsSync(report)) {
    if (!failed.includes(name)) failed.push(`${name} (no report)`)
    return
  }
  const r = JSON.parse(readFileSync(report, 'utf8'))
  if (r.numTotalTests === 0 && extra.length === 0) failed.push(`${name} (no tests ran)`)
  totals.passed += r.numPassedTests
  totals.failed += r.numFailedTests
  totals.skipped += r.numPendingTests + r.numTodoTests
  totals.total += r.numTotalTests
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
if (failed.length) {
  console.error(`Failed: ${failed.join(', ')}`)
  process.exit(1)
}
