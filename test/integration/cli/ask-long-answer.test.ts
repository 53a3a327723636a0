import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TurnEvent } from '../../../src/shared/turn-events'
import { startFakeLlm, type FakeLlm } from '../../fake-llm'
import { peakRss } from '../../support/peak-rss'
import { runHark } from '../../support/run-cli'

/**
 * A long, well-behaved answer through the real CLI, printed as JSON events
 * (about 13 bytes of output per answer character) into a pipe: memory stays
 * bounded because the printer waits for the pipe and the turn takes a batch
 * answer in pieces. Before, a 16 MB stream peaked at 620–650 MB here and a
 * 7 MB batch answer at 600 MB.
 */

const PEAK_RSS_LIMIT_MB = 400
const KILL_ABOVE_MB = 1_500
const MB = 1024 * 1024

let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm({ timing: { chunkSize: 1000, delayMs: 0 } })
})
afterAll(() => fake.close())

/** Runs `hark ask --json`, keeping only the last line of its output: the outcome. */
async function askJson(chars: number, extra: string[]): Promise<{ last: TurnEvent; peakMb: number; killed: boolean }> {
  fake.setText('Calm words. '.repeat(Math.ceil(chars / 12)).slice(0, chars))
  const rss = peakRss(KILL_ABOVE_MB)
  let lastLine = ''
  let pending = '' // the line being printed, up to the next newline
  await runHark(
    ['ask', '--base-url', fake.url, '--api-key', 'k', '--model', 'm', '--speak', 'none', '--json', ...extra, 'q'],
    {
      timeoutMs: 300_000,
      env: rss.env,
      onSpawn: rss.watch,
      keepStdout: false,
      onStdout: (text) => {
        const joined = pending + text
        const end = joined.lastIndexOf('\n')
        if (end < 0) return void (pending = joined)
        const line = joined.slice(end > 0 ? joined.lastIndexOf('\n', end - 1) + 1 : 0, end)
        if (line.trim()) lastLine = line
        pending = joined.slice(end + 1)
      }
    }
  )
  return { last: JSON.parse(pending.trim() ? pending : lastLine) as TurnEvent, ...rss.result() }
}

describe('hark ask with a long answer', () => {
  it('streams a 16 MB answer as JSON into a pipe in bounded memory, all of it kept', async () => {
    const { last, peakMb, killed } = await askJson(16 * MB, [])
    expect(killed).toBe(false)
    expect(last).toMatchObject({ type: 'done', finishReason: 'stop' })
    expect(last.type === 'done' && last.text.length).toBe(16 * MB)
    expect(peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
  }, 320_000)

  it('prints a 7 MB batch answer as JSON in bounded memory, all of it kept', async () => {
    const { last, peakMb, killed } = await askJson(7 * MB, ['--no-stream'])
    expect(killed).toBe(false)
    expect(last.type === 'done' && last.text.length).toBe(7 * MB)
    expect(peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
  }, 320_000)
})
