import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeLlm, type FakeLlm } from '../../fake-llm'
import { runHark } from '../../support/run-cli'

let fake: FakeLlm
beforeAll(async () => {
  fake = await startFakeLlm({ timing: { tps: 60 } })
})
afterAll(() => fake.close())

const base = () => ['ask', '--base-url', fake.url, '--api-key', 'test-key', '--speak', 'none']

describe('hark ask', () => {
  it('prints the answer as it streams, not all at the end', async () => {
    const run = await runHark([...base(), 'Tell me about Paris.'])
    expect(run.code).toBe(0)
    expect(run.stdout.trim().length).toBeGreaterThan(100)
    expect(run.stdoutTimes.length).toBeGreaterThan(3)
    const spread = run.stdoutTimes.at(-1)!.at - run.stdoutTimes[0]!.at
    expect(spread).toBeGreaterThan(300)
  })

  it('emits the first utterance while the server is still sending', async () => {
    let utteranceWhileSending: boolean | undefined
    const run = await runHark([...base(), '--json', 'Tell me about Paris.'], {
      onStdout: (text) => {
        if (utteranceWhileSending === undefined && text.includes('"type":"utterance"')) {
          utteranceWhileSending = !fake.requests.at(-1)!.connection.closed
        }
      }
    })
    expect(run.code).toBe(0)
    expect(utteranceWhileSending).toBe(true)
    const types = run.events.map((e) => e.type)
    expect(types[0]).toBe('start')
    expect(types.at(-1)).toBe('done')
    expect(types.indexOf('utterance')).toBeLessThan(types.lastIndexOf('delta'))
  })

  it('prints JSON turn events whose utterance ranges point into the streamed text', async () => {
    const run = await runHark([...base(), '--json', 'q'])
    const text = run.events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('')
    const done = run.events.find((e) => e.type === 'done')
    expect(done?.type === 'done' && done.text).toBe(text)
    for (const e of run.events) {
      if (e.type === 'utterance') expect(text.slice(...e.range)).toContain(e.text.split(' ')[0])
    }
    expect(done?.type === 'done' && done.usage?.totalTokens).toBeGreaterThan(0)
  })

  it('with --speak print writes each utterance to stderr instead of speaking', async () => {
    const run = await runHark([...base().slice(0, -2), '--speak', 'print', 'q'])
    expect(run.code).toBe(0)
    const spoken = run.stderr.trim().split('\n')
    expect(spoken.length).toBeGreaterThanOrEqual(6)
    expect(spoken[0]).toMatch(/Paris|capital|\w+/)
  })

  it('with --no-stream asks once for the whole answer, then segments it', async () => {
    const run = await runHark([...base(), '--no-stream', '--json', 'q'])
    expect(run.code).toBe(0)
    expect(fake.requests.at(-1)!.body).toMatchObject({ stream: false })
    const types = run.events.map((e) => e.type)
    expect(types.filter((t) => t === 'delta')).toHaveLength(1)
    expect(types.filter((t) => t === 'utterance').length).toBeGreaterThanOrEqual(6)
  })

  it('sends --system as the system message and --model as the model', async () => {
    await runHark([...base(), '--system', 'Be brief.', '--model', 'tiny', 'q'])
    expect(fake.requests.at(-1)!.body).toMatchObject({
      model: 'tiny',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'q' }
      ]
    })
  })

  it('exits 2 with usage help on bad arguments', async () => {
    const run = await runHark(['ask', '--speak', 'loud', 'q'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--speak must be/)
  })

  it('fails with one clear line when the server cannot be reached', async () => {
    const run = await runHark([
      'ask',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--api-key',
      'k',
      '--speak',
      'none',
      '--json',
      'q'
    ])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^hark: .*127\.0\.0\.1/)
    expect(run.events.at(-1)).toMatchObject({ type: 'error', kind: 'network' })
  })
})
