#!/usr/bin/env node
// `npm run bench [name…]`: builds the app, then runs bench/*.bench.ts one at a time.
import { spawnSync } from 'node:child_process'

const build = spawnSync('npx', ['--no-install', 'electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
if (build.status !== 0) process.exit(build.status ?? 1)
const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], {
  stdio: 'inherit'
})
process.exit(r.status ?? 1)
