import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { startFakeLlm } from '../test/fake-llm'
import type { TurnEvent } from '../src/shared/turn-events'
import type { BenchTable } from './run'
import { percentile } from './support/stats'
import { REFERENCE_ANSWER } from './support/reference-answer'

/**
 * Time to first utterance through the real CLI: streaming vs --no-stream (batch),
 * on the same scripted 8-sentence answer at a realistic 40 tokens/s.
 */

const ANSWER = REFERENCE_ANSWER

const RUNS = 5

interface Sample {
  firstUtteranceMs: number
  totalMs: number
}

function askOnce(url: string, batch: boolean): Promise<Sample> {
  const args = [
    join(__dirname, '../bin/hark.js'),
    'ask',
    '--base-url',
    url,
    '--api-key',
    'bench',
    '--speak',
    'none',
    '--json'
  ]
  if (batch) args.push('--no-stream')
  args.push('Tell me about Paris.')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const done = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as TurnEvent)
        .find((e) => e.type === 'done')
      if (code !== 0 || !done || done.type !== 'done' || done.timings.firstUtteranceMs === null) {
        reject(new Error(`hark ask failed (exit ${code}): ${out.slice(-300)}`))
        return
      }
      resolve({ firstUtteranceMs: done.timings.firstUtteranceMs, totalMs: done.timings.totalMs })
    })
  })
}

export default async function run(): Promise<BenchTable> {
  const fake = await startFakeLlm({ text: ANSWER, timing: { tps: 40 } })
  try {
    const stream: Sample[] = []
    const batch: Sample[] = []
    for (let i = 0; i < RUNS; i++) {
      stream.push(await askOnce(fake.url, false))
      batch.push(await askOnce(fake.url, true))
    }
    const s = percentile(
      stream.map((x) => x.firstUtteranceMs),
      50
    )
    const b = percentile(
      batch.map((x) => x.firstUtteranceMs),
      50
    )
    return {
      title: 'Time to first utterance: streaming vs batch (hark ask, 8 sentences at 40 tok/s, median of 5)',
      rows: [
        {
          mode: 'batch (--no-stream), baseline',
          'first utterance ms': b,
          'total ms': percentile(
            batch.map((x) => x.totalMs),
            50
          ),
          ratio: 1
        },
        {
          mode: 'streaming',
          'first utterance ms': s,
          'total ms': percentile(
            stream.map((x) => x.totalMs),
            50
          ),
          ratio: `${(b / s).toFixed(1)}x sooner`
        }
      ]
    }
  } finally {
    await fake.close()
  }
}
