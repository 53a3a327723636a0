#!/usr/bin/env node
// `npm test`: every check, in order, on the built app. Static checks and the
// test suites all run even if one fails, so one run shows everything; the exit
// code is non-zero if anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

const npx = (...args) => ['npx', ['--no-install', ...args]]
const steps = [
  ['typecheck', ['npm', ['run', '-s', 'typecheck']]],
  ['lint', npx('eslint', '.')],
  ['security', ['node', ['scripts/electronegativity.mjs']]],
  ['build', npx('electron-vite', 'build')],
  [
    'tests',
    npx('vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2)),
    { HARK_SKIP_BUILD: '1' }
  ]
]

mkdirSync('test-results', { recursive: true })
const failed = []
for (const [name, [cmd, args], env] of steps) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (r.status !== 0) failed.push(name)
}

const report = 'test-results/vitest.json'
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'))
  if (r.numTotalTests === 0) failed.push('tests (none ran)')
  console.log(`\nstatic checks: ${failed.filter((f) => !f.startsWith('tests')).length ? 'FAILED' : 'ok'}`)
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)
} else if (!failed.includes('tests')) failed.push('tests (no report)')

if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`)
  process.exit(1)
}
