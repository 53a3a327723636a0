import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeLlm, type FakeLlm, type ScenarioName } from '../../fake-llm'
import type { ErrorKind } from '../../../src/shared/turn-events'
import { runHark } from '../../support/run-cli'

/** Every fault scenario of the fake, through the real CLI: exit code, message, partial text. */

let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm({ timing: { tps: 400 } })
})
afterAll(() => fake.close())

const succeeds: ScenarioName[] = [
  'normal',
  'keepalive',
  'multiline-data',
  'crlf',
  'no-trailing-blank',
  'split-utf8',
  'done-keep-open',
  'usage',
  'no-usage',
  'no-finish-reason',
  'length-finish',
  'empty-choices',
  'reasoning-content',
  'reasoning',
  'think-tags',
  'rate-limit-then-ok',
  'server-error-then-ok'
]

const fails: Array<[ScenarioName, ErrorKind, 'partial' | 'empty']> = [
  ['stall-after-headers', 'stalled', 'empty'],
  ['stall-mid-body', 'stalled', 'partial'],
  ['drop-mid-body', 'network', 'partial'],
  ['drop-before-headers', 'network', 'empty'],
  ['event-error', 'server', 'partial'],
  ['data-error', 'server', 'partial'],
  ['json-error-200', 'server', 'empty'],
  ['unauthorized', 'auth', 'empty'],
  ['forbidden', 'auth', 'empty'],
  ['model-not-found', 'not-found', 'empty'],
  ['context-length', 'context-length', 'empty'],
  ['bad-request', 'bad-request', 'empty'],
  ['rate-limit', 'rate-limit', 'empty'],
  ['server-error', 'server', 'empty']
]

const ask = (scenario: ScenarioName) =>
  runHark(
    [
      'ask',
      '--base-url',
      fake.url,
      '--api-key',
      'k',
      '--model',
      `scenario:${scenario}`,
      '--speak',
      'none',
      '--idle-timeout',
      '1',
      '--json',
      'q'
    ],
    { timeoutMs: 45_000 }
  )

describe('hark ask against provider quirks', () => {
  it.each(succeeds)('%s: answers, exits 0 and ends with one done event', async (scenario) => {
    const run = await ask(scenario)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const done = run.events.filter((e) => e.type === 'done')
    expect(done).toHaveLength(1)
    expect(done[0]!.type === 'done' && done[0]!.text.length).toBeGreaterThan(20)
    expect(run.events.some((e) => e.type === 'error')).toBe(false)
  })
})

describe('hark ask against faults', () => {
  it.each(fails)('%s: exits 1 with one line and a %s error event', async (scenario, kind, partial) => {
    const run = await ask(scenario)
    expect(run.code).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^hark: \S/)
    const error = run.events.at(-1)
    expect(error).toMatchObject({ type: 'error', kind })
    const streamed = run.events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('')
    if (error?.type !== 'error') throw new Error('no error event')
    expect(error.partialText).toBe(streamed)
    if (partial === 'partial') expect(error.partialText.length).toBeGreaterThan(10)
    else expect(error.partialText).toBe('')
  })
})
