import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { readFileSync } from 'node:fs'
import { ensurePulse, startCapture, soundSpans, lastSoundEnd } from './test/support/pulse'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const wav = readFileSync('/tmp/hx/h.wav')
function play(cmd: string, args: string[]) {
  return new Promise<{ spawned: number; exited: number }>((res) => {
    const spawned = performance.now()
    const c = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'ignore'], detached: true })
    c.stdin.end(wav)
    c.on('exit', () => res({ spawned, exited: performance.now() }))
  })
}
const p = await ensurePulse()
for (const [cmd, args] of [['paplay', []], ['aplay', ['-q', '-']], ['paplay', ['--latency-msec=50']], ['pacat', ['--latency-msec=50', '--file-format=wav']]] as const) {
  for (let i = 0; i < 2; i++) {
  const cap = await startCapture()
  const r = await play(cmd, [...args])
  await sleep(300)
  const rec = await cap.stop()
  const spans = soundSpans(rec)
  console.log(cmd, args.join(' '), 'onset', (spans[0]![0] - r.spawned).toFixed(0), 'soundEnd', (lastSoundEnd(rec)! - r.spawned).toFixed(0), 'exit', (r.exited - r.spawned).toFixed(0))
  }
}
await p.stop()
