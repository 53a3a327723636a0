import { describe, expect, it } from 'vitest'
import { loadGoldenRules, passes } from '../../../support/golden-rules'
import { chunkRandom, segmentChunks } from './chunking'

const SEEDS = [1, 2, 3, 7, 42]
const texts = (chunks: string[]): string[] => segmentChunks(chunks, { firstFragment: false }).map((u) => u.text)

describe('English Golden Rules, streamed in random 1-16 character chunks', () => {
  const rules = loadGoldenRules('pysbd48')

  it('reads all 48 rules of the pySBD benchmark', () => {
    expect(rules).toHaveLength(48)
  })

  it('passes at least 46 of the 48, the same for every chunking', () => {
    const failures: string[] = []
    let passed = 0
    for (const rule of rules) {
      const runs = SEEDS.map((seed) => texts(chunkRandom(rule.text, seed)))
      for (const run of runs) expect(run, `rule ${rule.rule} chunked differently`).toEqual(runs[0])
      if (passes(runs[0]!, rule.expected)) passed++
      else failures.push(`#${rule.rule} ${rule.name}: ${JSON.stringify(runs[0])}`)
    }
    expect(passed, `failing rules:\n${failures.join('\n')}`).toBeGreaterThanOrEqual(46)
  })
})
