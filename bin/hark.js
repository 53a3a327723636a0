#!/usr/bin/env node
// The `hark` command. The CLI is built with the app (npm install runs `prepare`).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write(
    'hark: the CLI is not built yet. Run `npm install` (or `npm run build`) in the Hark folder first.\n'
  )
  process.exit(2)
}
require(cli)
