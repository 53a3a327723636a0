// Preloaded into a child (NODE_OPTIONS=--require …) to write its own peak RSS, in KB, to
// HARK_PEAK_RSS_FILE as it exits: exact, where polling /proc from outside can miss the last moments.
const { writeFileSync } = require('node:fs')

const file = process.env.HARK_PEAK_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
