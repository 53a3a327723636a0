import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorKind } from '../../../src/shared/turn-events'
import { startFakeLlm, type FakeLlm, type ScenarioName } from '../../fake-llm'
import { peakRss } from '../../support/peak-rss'
import { runHark } from '../../support/run-cli'

/**
 * Hostile endpoints through the real CLI, with the shapes of the real attacks
 * and the timings scaled down (idle timeout 1.5 s; a turn limit of 4 s for the
 * stream that never ends, 30 s for the others so a loaded machine cannot turn
 * their own error into a deadline; the drip and the steady stream send every
 * 0.7 s, inside the idle timeout). Each must end
 * with its own error kind and message, the partial text kept, in bounded memory.
 */

const PEAK_RSS_LIMIT_MB = 300
/** Past this the child is killed: a runaway must fail the test, not the machine. */
const KILL_ABOVE_MB = 1_200

let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm({ timing: { tps: 400, delayMs: 700 } })
})
afterAll(() => fake.close())

const askArgs = (scenario: ScenarioName, extra: string[] = []) => [
  ...['ask', '--base-url', fake.url, '--api-key', 'k', '--model', `scenario:${scenario}`, '--speak', 'none'],
  ...['--idle-timeout', '1.5', '--turn-timeout', scenario === 'never-ends' ? '4' : '30', ...extra, '--json', 'q']
]

const ask = async (scenario: ScenarioName, extra: string[] = []) => {
  const rss = peakRss(KILL_ABOVE_MB)
  const run = await runHark(askArgs(scenario, extra), { timeoutMs: 40_000, env: rss.env, onSpawn: rss.watch })
  return { ...run, ...rss.result() }
}

const cases: Array<[ScenarioName, ErrorKind, RegExp, 'partial' | 'empty']> = [
  ['endless-comments', 'stalled', /sent 1 MB of keep-alive comments and no part of the answer/, 'partial'],
  ['endless-line', 'too-large', /sent a line longer than 1 MB/, 'partial'],
  ['huge-event', 'too-large', /sent one event larger than 4 MB/, 'partial'],
  ['huge-json', 'too-large', /sent a response body larger than 8 MB/, 'empty'],
  ['gzip-bomb', 'too-large', /sent more than 32 MB for one answer \(counted after decompression\)/, 'partial'],
  ['drip', 'stalled', /stopped sending for 1\.5 s/, 'partial'],
  ['never-ends', 'deadline', /was still answering after 4 s, the limit for one answer/, 'partial'],
  ['cut-off', 'interrupted', /ended before it was finished/, 'partial']
]

describe('hark ask against a hostile endpoint', () => {
  it.each(cases)(
    '%s: exits 1 with a %s error and a clear message, the partial text kept, under 300 MB',
    async (scenario, kind, message, partial) => {
      const run = await ask(scenario)
      expect(run.killed).toBe(false)
      expect(run.code).toBe(1)
      const error = run.events.at(-1)
      if (error?.type !== 'error') throw new Error(`no error event; stderr: ${run.stderr}`)
      expect(error.kind).toBe(kind)
      expect(error.message).toMatch(message)
      expect(run.stderr.trim()).toBe(`hark: ${error.message}`)
      const streamed = run.events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('')
      expect(error.partialText).toBe(streamed)
      if (partial === 'partial') expect(streamed.length).toBeGreaterThan(10)
      else expect(streamed).toBe('')
      expect(run.events.some((e) => e.type === 'done')).toBe(false)
      expect(run.peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
    }
  )

  it('a batch request for a 200 MB JSON body ends as too-large too, under 300 MB', async () => {
    const run = await ask('huge-json', ['--no-stream'])
    expect(run.events.at(-1)).toMatchObject({ type: 'error', kind: 'too-large' })
    expect(run.peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
  })

  // Against a flood the printed backlog delays the last line; test/unit/engine/llm times Stop there.
  it.each(['drip', 'never-ends'] as ScenarioName[])(
    'Ctrl+C against %s ends the turn within 100 ms, the text kept',
    async (scenario) => {
      let interrupt: (() => void) | undefined
      let sentAt = 0
      let errorAt = 0
      const rss = peakRss(KILL_ABOVE_MB)
      const run = await runHark(askArgs(scenario), {
        env: rss.env,
        onSpawn: (child) => {
          rss.watch(child)
          interrupt = () => child.kill('SIGINT')
        },
        onStdout: (text) => {
          if (!sentAt && text.includes('"type":"delta"')) {
            sentAt = -1
            setTimeout(() => {
              sentAt = performance.now()
              interrupt?.()
            }, 300)
          }
          if (sentAt > 0 && !errorAt && text.includes('"type":"error"')) errorAt = performance.now()
        }
      })
      expect(run.code).toBe(130)
      expect(run.events.at(-1)).toMatchObject({ type: 'error', kind: 'aborted' })
      const error = run.events.at(-1)
      expect(error?.type === 'error' && error.partialText.length).toBeGreaterThan(10)
      expect(errorAt - sentAt).toBeLessThan(100)
      expect(rss.result().peakMb).toBeLessThan(PEAK_RSS_LIMIT_MB)
    }
  )
})
