#!/usr/bin/env node
// A stand-in for Hark's SAPI PowerShell (src/main/engine/speech/sapi-protocol.ts), speaking the same
// line protocol, so the engine's side can be tested where there is no Windows. It logs what it was
// given (as data) to $HARK_FAKE_SAPI_LOG, one JSON object a line. Text that contains
//   LONG        speaks for 20 s (long enough to be cancelled)
//   SILENT      never replies
//   CRASH       exits with code 3 and a message on stderr, every time
//   CRASH-ONCE  does that only the first time (a marker file next to the log)
import { appendFileSync, existsSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

const logFile = process.env.HARK_FAKE_SAPI_LOG
const log = (entry) => logFile && appendFileSync(logFile, JSON.stringify({ pid: process.pid, ...entry }) + '\n')
const reply = (line) => process.stdout.write(line + '\n')
const decode = (b64) => Buffer.from(b64, 'base64').toString('utf8')

log({ start: process.argv.slice(2) })
let current = null

function speak(id, rate, voice, text) {
  if (current) return reply(`error ${id} ${Buffer.from('busy').toString('base64')}`)
  if (text.includes('CRASH-ONCE')) {
    const marker = `${logFile}.crashed`
    if (!existsSync(marker)) {
      writeFileSync(marker, '')
      crash()
    }
  } else if (text.includes('CRASH')) crash()
  if (text.includes('SILENT')) return
  const started = setTimeout(() => reply(`started ${id}`), 5)
  const done = setTimeout(
    () => {
      current = null
      reply(`done ${id}`)
    },
    text.includes('LONG') ? 20_000 : 30
  )
  current = { id, timers: [started, done] }
}

function crash() {
  process.stderr.write('SAPI exploded\n')
  process.exit(3)
}

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const f = line.split(' ')
  if (f[0] === 'speak' && f.length === 5) {
    const entry = { id: f[1], rate: f[2], voice: decode(f[3]), text: decode(f[4]) }
    log({ line, speak: entry })
    speak(entry.id, entry.rate, entry.voice, entry.text)
  } else if (f[0] === 'cancel' && current?.id === f[1]) {
    log({ line, cancel: f[1] })
    current.timers.forEach(clearTimeout)
    current = null
    reply(`cancelled ${f[1]}`)
  } else log({ line, ignored: true })
})
lines.on('close', () => {
  log({ exit: 'stdin closed' })
  process.exit(0)
})
