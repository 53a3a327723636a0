import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { spawnProgram, type SpawnProgram } from '../src/main/engine/platform/spawn-program'
import { SapiVoice } from '../src/main/engine/speech/sapi-voice'
import { installFakePowershell } from '../test/support/fake-powershell-on-path'
import type { BenchTable } from './run'
import { percentile } from './support/stats'

/**
 * Windows' voice, Hark's share: from handing a sentence over to the voice
 * reporting that it speaks it, for the one kept PowerShell (warmed while the
 * answer streams) against a PowerShell started per sentence, as before. No
 * Windows here: the "PowerShell" is the fake speaking the same protocol
 * (test/support/fake-powershell.mjs), a Node process, so the baseline's cost
 * is a Node start, far less than PowerShell loading System.Speech.
 */

const RUNS = 5
const ANSWER = ['The harbour is quiet.', 'Boats rest at the pier.', 'The lighthouse turns.', 'Gulls sleep.']
/** how long the answer takes to reach its first sentence: the warm process starts meanwhile */
const FIRST_SENTENCE_MS = 400

async function timeToSound(voice: SapiVoice, text: string): Promise<number> {
  const start = performance.now()
  let sounded = NaN
  await voice.speak({
    text,
    voice: '',
    rate: 0,
    signal: new AbortController().signal,
    timeoutMs: 10_000,
    onSound: () => (sounded = performance.now() - start)
  })
  return sounded
}

async function answer(spawn: SpawnProgram, perSentence: boolean): Promise<number[]> {
  const voice = new SapiVoice({ spawn })
  voice.warm()
  await new Promise((r) => setTimeout(r, FIRST_SENTENCE_MS))
  const times: number[] = []
  for (const sentence of ANSWER) {
    if (perSentence) voice.close()
    times.push(await timeToSound(voice, sentence))
  }
  voice.close()
  return times
}

export default async function sapiVoiceBench(): Promise<BenchTable> {
  const dir = mkdtempSync(join(tmpdir(), 'hark-bench-sapi-'))
  installFakePowershell(dir)
  const spawn: SpawnProgram = (name, args, options) =>
    spawnProgram(name, args, { ...options, env: { ...process.env, PATH: `${dir}${delimiter}${process.env['PATH']}` } })
  const kept: number[] = []
  const fresh: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      fresh.push(...(await answer(spawn, true)))
      kept.push(...(await answer(spawn, false)))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const row = (name: string, xs: number[]) => ({
    voice: name,
    'p50 ms to sound': percentile(xs, 50),
    'p90 ms': percentile(xs, 90),
    'p50 ÷ per-sentence p50': percentile(xs, 50) / percentile(fresh, 50)
  })
  return {
    title: `Windows voice (fake PowerShell): sentence handed over → speaking, ${RUNS} answers × ${ANSWER.length} sentences`,
    rows: [row('one PowerShell per sentence (before)', fresh), row('one kept PowerShell, warmed (now)', kept)],
    notes: [
      'The fake is a Node process; a real PowerShell with System.Speech starts far slower, so the real gap is wider.'
    ]
  }
}
