import { spawn, type ChildProcess } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { ensurePulse, startCapture } from '../test/support/pulse'
import { espeakSynth } from '../src/main/engine/speech/espeak-engine'
import { festivalSynth } from '../src/main/engine/speech/festival-engine'
import type { BenchTable } from './run'
import { nearestRank } from './support/stats'
import { REFERENCE_ANSWER } from './support/reference-answer'

/**
 * What a system voice's time to first sound is made of, each part measured
 * alone on the same sink and capture as first-audio.bench.ts: the floor (a
 * player already connected, given a tone), a player started for the sound
 * (as each utterance starts one), and the synthesisers' own time from text
 * to a whole WAV (warm process, as a turn finds it) and to their first byte.
 */

const RUNS = 7
const RATE = 22_050
const SENTENCES = REFERENCE_ANSWER.split(/(?<=\.) /)
const WITH_CLAUSE = SENTENCES.find((s) => s.startsWith('So is'))!

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const p50 = (xs: number[]): number => nearestRank(xs, 50)

function tone(ms: number): Buffer {
  const n = Math.round((RATE * ms) / 1000)
  const b = Buffer.alloc(n * 2)
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / RATE) * 12000), i * 2)
  return b
}

function wavOf(pcm: Buffer): Buffer {
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + pcm.length, 4)
  h.write('WAVEfmt ', 8, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(1, 22)
  h.writeUInt32LE(RATE, 24)
  h.writeUInt32LE(RATE * 2, 28)
  h.writeUInt16LE(2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(pcm.length, 40)
  return Buffer.concat([h, pcm])
}

const rawArgs = (latencyMs: number) => [
  '--raw',
  '--format=s16le',
  `--rate=${RATE}`,
  '--channels=1',
  `--latency-msec=${latencyMs}`
]

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('close', () => resolve())
  })
}

/** performance.now() → first sound, for `play` started at t0. */
async function toSound(play: () => ChildProcess): Promise<number> {
  const capture = await startCapture()
  await sleep(200)
  const t0 = performance.now()
  const child = play()
  try {
    return (await capture.waitForSound(10_000, t0)) - t0
  } finally {
    child.kill('SIGKILL')
    await exited(child)
    await capture.stop()
    await sleep(200)
  }
}

/** A player started and connected well before its audio, then given it. */
async function waitingToSound(latencyMs: number, audio: Buffer): Promise<number> {
  const child = spawn('paplay', rawArgs(latencyMs), { stdio: ['pipe', 'ignore', 'ignore'] })
  await sleep(500)
  return toSound(() => {
    child.stdin.end(audio)
    return child
  })
}

/** A player started for its audio, as each utterance starts one without a warm player. */
function startedToSound(cmd: string, args: string[], input: Buffer): Promise<number> {
  return toSound(() => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'ignore'] })
    child.stdin.end(input)
    return child
  })
}

/** Median of RUNS, each measured by `one`. */
async function median(one: () => Promise<number>): Promise<number> {
  const xs: number[] = []
  for (let i = 0; i < RUNS; i++) xs.push(await one())
  return p50(xs)
}

/** A warm synthesiser (started, voice loaded, waiting on stdin): text → first byte and → whole WAV. */
async function synthesis(cmd: string, args: string[], text: string): Promise<{ firstByte: number; whole: number }> {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'] })
  await sleep(1500)
  const t0 = performance.now()
  let firstByte = NaN
  child.stdout.on('data', () => (firstByte = Number.isNaN(firstByte) ? performance.now() - t0 : firstByte))
  child.stdin.end(text)
  await exited(child)
  return { firstByte, whole: performance.now() - t0 }
}

export default async function bench(): Promise<BenchTable[]> {
  const pulse = await ensurePulse()
  try {
    const sound = tone(400)
    const floor = await median(() => waitingToSound(20, sound))
    const warm60 = await median(() => waitingToSound(60, sound))
    const coldWav = await median(() =>
      startedToSound('paplay', ['--client-name=hark', '--stream-name=speech'], wavOf(sound))
    )
    const coldRaw = await median(() => startedToSound('paplay', rawArgs(60), sound))
    const coldAplay = await median(() => startedToSound('aplay', ['-q', '-'], wavOf(sound)))
    const synthRows: Array<Record<string, string | number>> = []
    for (const [name, synth] of [
      ['espeak-ng', espeakSynth],
      ['festival (text2wave)', festivalSynth]
    ] as const) {
      for (const [what, text] of [
        ['first sentence', SENTENCES[0]!],
        ['a longer sentence', WITH_CLAUSE],
        ['its first clause', WITH_CLAUSE.split(/(?<=,) /)[0]!]
      ]) {
        const runs: Array<{ firstByte: number; whole: number }> = []
        for (let i = 0; i < 3; i++) runs.push(await synthesis(synth.binary, synth.args({}), text))
        synthRows.push({
          synthesiser: name,
          text: `${what} (${text.length} chars)`,
          'text → first byte ms': Math.round(p50(runs.map((r) => r.firstByte))),
          'text → whole WAV ms': Math.round(p50(runs.map((r) => r.whole)))
        })
      }
    }
    const row = (part: string, ms: number) => ({ part, 'ms to sound (p50)': Math.round(ms), 'vs floor': ms / floor })
    return [
      {
        title: `Parts of a system voice's first sound, each alone on the sink (p50 of ${RUNS})`,
        rows: [
          row('floor: paplay already connected (--latency-msec=20), given a tone (baseline)', floor),
          row('paplay already connected, --latency-msec=60 (the provider voice setting)', warm60),
          row('paplay started for the sound, WAV, default latency (system voices today)', coldWav),
          row('paplay started for the sound, raw, --latency-msec=60 (provider voice today)', coldRaw),
          row('aplay started for the sound, WAV', coldAplay)
        ],
        notes: [
          'The floor holds the sink and the capture (parec, --latency-msec=20): no player can be heard sooner than it.',
          `PulseAudio: ${pulse.owned ? 'started for this bench' : 'already running'} (${pulse.server})`
        ]
      },
      { title: 'Synthesis alone, warm process (p50 of 3)', rows: synthRows }
    ]
  } finally {
    await pulse.stop()
  }
}
