import { describe, expect, it } from 'vitest'
import { createTtsEngine, fallbackFor } from '../../../../src/main/engine/speech/create-tts-engine'
import { SapiEngine } from '../../../../src/main/engine/speech/sapi-engine'

const only =
  (...present: string[]) =>
  (bin: string) =>
    present.includes(bin)

describe('createTtsEngine', () => {
  it('on Linux without a running speech-dispatcher, auto prefers festival, then espeak-ng', () => {
    const noDaemon = () => false
    expect(createTtsEngine('auto', 'linux', only('text2wave', 'espeak-ng'), noDaemon).name).toBe('festival')
    expect(createTtsEngine('auto', 'linux', only('espeak-ng', 'spd-say'), noDaemon).name).toBe('espeak-ng')
  })

  it('on Linux with no voice at all, auto picks festival so its install hint is shown', async () => {
    const engine = createTtsEngine('auto', 'linux', only())
    expect(engine.name).toBe('festival')
  })

  it("on Linux, 'say' means the festival engine, never the say package", () => {
    expect(createTtsEngine('say', 'linux').name).toBe('festival')
  })

  it('on macOS and Windows, auto and say use the system voice', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(createTtsEngine('auto', platform).name).toBe('say')
      expect(createTtsEngine('say', platform).name).toBe('say')
    }
    expect(createTtsEngine('auto', 'win32')).toBeInstanceOf(SapiEngine)
  })

  it('an explicit engine is honoured, and none speaks nothing at once', async () => {
    expect(createTtsEngine('espeak-ng', 'linux').name).toBe('espeak-ng')
    expect(createTtsEngine('spd-say', 'linux').name).toBe('spd-say')
    const none = createTtsEngine('none', 'linux')
    expect(await none.check()).toBeNull()
    await expect(none.speak('hello', { signal: new AbortController().signal })).resolves.toBeUndefined()
  })

  it('without a running speech-dispatcher, check() says so and names the package to install', async () => {
    const spd = createTtsEngine('spd-say', 'linux')
    const problem = await spd.check()
    // speech-dispatcher is not installed on the test machine
    expect(problem).toMatch(
      /speech-dispatcher.* (is not running|address is unknown).*apt-get install speech-dispatcher/
    )
  })

  it('speech-dispatcher, whose daemon can go away, falls back to the installed synthesiser; the others need none', () => {
    const spd = createTtsEngine('spd-say', 'linux')
    expect(fallbackFor(spd, only('espeak-ng'))?.name).toBe('espeak-ng')
    expect(fallbackFor(spd, only())?.name).toBe('festival')
    expect(fallbackFor(createTtsEngine('espeak-ng', 'linux'))).toBeUndefined()
  })
})
