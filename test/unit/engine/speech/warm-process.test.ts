import { afterEach, describe, expect, it } from 'vitest'
import { createTtsEngine, speechDispatcherRunning } from '../../../../src/main/engine/speech/create-tts-engine'
import { SsipEngine } from '../../../../src/main/engine/speech/ssip-engine'
import { runChild } from '../../../../src/main/engine/speech/run-process'
import { WarmProcess } from '../../../../src/main/engine/speech/warm-process'

const warmers: WarmProcess[] = []
afterEach(() => warmers.splice(0).forEach((w) => w.discard()))

function warmCat(idleMs?: number): WarmProcess {
  const w = new WarmProcess('cat', idleMs)
  warmers.push(w)
  return w
}

const run = { timeoutMs: 5000, missingHint: '' }

describe('WarmProcess', () => {
  it('keeps one process waiting for its input, handed over for the same argv only', async () => {
    const warm = warmCat()
    warm.warm(['-u'])
    expect(warm.take(['-n'])).toBeNull()
    const child = warm.take(['-u'])
    expect(child?.pid).toBeGreaterThan(0)
    expect(warm.take(['-u'])).toBeNull()
    const { stdout } = await runChild(child!, 'cat', { ...run, input: 'hello' })
    expect(stdout.toString()).toBe('hello')
  })

  it('warming twice for the same argv keeps the one already waiting', () => {
    const warm = warmCat()
    warm.warm(['-u'])
    const first = warm.take(['-u'])
    warm.warm(['-u'])
    warm.warm(['-u'])
    const second = warm.take(['-u'])
    expect(second?.pid).not.toBe(first?.pid)
    first?.kill()
    second?.kill()
  })

  it('lets an idle process go', async () => {
    const warm = warmCat(50)
    warm.warm([])
    await new Promise((r) => setTimeout(r, 200))
    expect(warm.take([])).toBeNull()
  })

  it('a missing binary is no crash: nothing is handed over and speaking reports it', async () => {
    const warm = new WarmProcess('hark-no-such-binary')
    warm.warm([])
    await new Promise((r) => setTimeout(r, 50))
    expect(warm.take([])).toBeNull()
  })
})

describe('choosing the Linux voice by what the desktop runs', () => {
  it('speech-dispatcher when its daemon socket exists, as screen readers use it', () => {
    const env = { XDG_RUNTIME_DIR: '/run/user/1000' }
    const socket = '/run/user/1000/speech-dispatcher/speechd.sock'
    expect(speechDispatcherRunning(env, (p) => p === socket)).toBe(true)
    expect(speechDispatcherRunning(env, () => false)).toBe(false)
    expect(speechDispatcherRunning({ SPEECHD_ADDRESS: 'unix_socket:/tmp/s' }, (p) => p === '/tmp/s')).toBe(true)
    expect(speechDispatcherRunning({ SPEECHD_ADDRESS: 'unix_socket:/tmp/s' }, () => false)).toBe(false)
    expect(speechDispatcherRunning({ SPEECHD_ADDRESS: 'inet_socket:127.0.0.1:6560' }, () => false)).toBe(true)
  })

  it('auto speaks through the daemon while it runs (nothing of it need be on PATH), else the first installed synthesiser', () => {
    expect(
      createTtsEngine(
        'auto',
        'linux',
        () => false,
        () => true
      )
    ).toBeInstanceOf(SsipEngine)
    expect(
      createTtsEngine(
        'auto',
        'linux',
        () => true,
        () => false
      ).name
    ).toBe('festival')
  })
})
