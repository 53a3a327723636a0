import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { SsipEngine } from '../../../../src/main/engine/speech/ssip-engine'
import { SpeechQueue } from '../../../../src/main/engine/speech/speech-queue'
import { TtsError, type SpeechEvent, type TtsEngine } from '../../../../src/main/engine/speech/speech-types'
import { startFakeSsip, type FakeSsip, type FakeSsipScript } from '../../../fake-ssip/fake-ssip-server'

const fakes: FakeSsip[] = []
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()))
})

async function daemon(
  script: Partial<FakeSsipScript> = {},
  idleMs?: number
): Promise<{ fake: FakeSsip; engine: SsipEngine }> {
  const fake = await startFakeSsip(script)
  fakes.push(fake)
  const address = () => ({ kind: 'unix' as const, path: fake.path })
  const engine = new SsipEngine({ address, replyTimeoutMs: 300, ...(idleMs ? { idleMs } : {}) })
  return { fake, engine }
}

const signal = (): AbortSignal => new AbortController().signal

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe('speech-dispatcher over SSIP (against a fake daemon)', () => {
  it('reports sound only once the daemon says the message began, and finishes on its END', async () => {
    const { fake, engine } = await daemon({ beginAfterMs: 150, endAfterMs: 100 })
    await engine.speak('Hello there.', { signal: signal(), onSound: () => fake.log.push('sound') })
    fake.log.push('resolved')
    expect(fake.log).toEqual(['queued 1', 'begin 1', 'sound', 'end 1', 'resolved'])
    expect(fake.commands).toEqual([
      expect.stringMatching(/^SET self CLIENT_NAME [\w-]+:hark:main$/),
      'SET self NOTIFICATION ALL on',
      'SET self RATE 0',
      'SPEAK'
    ])
  })

  it('keeps one connection across utterances and sends unchanged settings once', async () => {
    const { fake, engine } = await daemon()
    for (const text of ['One.', 'Two.', 'Three.']) await engine.speak(text, { signal: signal(), voice: 'en', rate: 2 })
    expect(fake.connections()).toBe(1)
    expect(fake.messages).toEqual(['One.', 'Two.', 'Three.'])
    expect(fake.commands.filter((c) => c.startsWith('SET self LANGUAGE'))).toEqual(['SET self LANGUAGE en'])
    expect(fake.commands.filter((c) => c.startsWith('SET self RATE'))).toEqual(['SET self RATE 100'])
  })

  it('connects when warmed, so the first sentence does not wait for the greeting', async () => {
    const { fake, engine } = await daemon()
    engine.warm()
    await until(() => fake.commands.includes('SET self NOTIFICATION ALL on'), 'the warmed connection')
    await engine.speak('Hello.', { signal: signal() })
    expect(fake.connections()).toBe(1)
  })

  it('closes the connection after a quiet spell, never under a sentence that is still sounding', async () => {
    const { fake, engine } = await daemon({ endAfterMs: 300 }, 50)
    engine.warm() // its quiet spell starts while the sentence below sounds
    await engine.speak('A sentence longer than the quiet spell.', { signal: signal() })
    expect(fake.log).toEqual(['queued 1', 'begin 1', 'end 1'])
    await new Promise((r) => setTimeout(r, 150))
    await engine.speak('After the quiet spell.', { signal: signal() })
    expect(fake.connections()).toBe(2)
  })

  it('delivers text with dots, quotes and shell syntax verbatim as SSIP text, running nothing', async () => {
    const { fake, engine } = await daemon()
    const marker = `/tmp/hark-ssip-${process.pid}-${Date.now()}`
    const text = `.hidden files. "Quote" $(touch ${marker}); \`touch ${marker}\` \u0007done`
    await engine.speak(text, { signal: signal() })
    expect(fake.messages).toEqual([`.hidden files. "Quote" $(touch ${marker}); \`touch ${marker}\` done`])
    expect(existsSync(marker)).toBe(false)
  })

  it('Stop sends CANCEL self and ends the item exactly once, though the daemon confirms later', async () => {
    const { fake, engine } = await daemon({ beginAfterMs: 10, endAfterMs: 5000 })
    const queue = new SpeechQueue({ engine })
    const events: string[] = []
    queue.onEvent((e: SpeechEvent) => events.push(`${e.index} ${e.state}`))
    queue.enqueue({ turnId: 't', index: 0, text: 'A long sentence that takes a while.' })
    await until(() => events.includes('0 started'), 'the sentence to start')
    queue.stop('t')
    await queue.idle()
    await until(() => fake.log.includes('cancel 1'), 'the daemon to cancel')
    await new Promise((r) => setTimeout(r, 100))
    expect(fake.commands).toContain('CANCEL self')
    expect(events).toEqual(['0 started', '0 cancelled'])
  })

  it('a Stop while the message is being queued cancels it as soon as the daemon has it', async () => {
    const { fake, engine } = await daemon({ beginAfterMs: 200 })
    const stop = new AbortController()
    const speaking = engine.speak('Never heard.', { signal: stop.signal, onSound: () => fake.log.push('sound') })
    await until(() => fake.commands.includes('SPEAK'), 'SPEAK')
    stop.abort()
    await expect(speaking).rejects.toMatchObject({ code: 'aborted' })
    await until(() => fake.log.includes('cancel 1'), 'the daemon to cancel')
    expect(fake.log).not.toContain('sound')
  })

  it('fails clearly when the daemon never answers', async () => {
    const { engine } = await daemon({ fault: 'silent' })
    await expect(engine.speak('Hello.', { signal: signal() })).rejects.toThrow(/did not answer SET self CLIENT_NAME/)
  })

  it('fails clearly when the daemon answers with something that is not SSIP', async () => {
    const { engine } = await daemon({ fault: 'garbage' })
    await expect(engine.speak('Hello.', { signal: signal() })).rejects.toThrow(/broke the protocol/)
  })

  it('fails clearly when the daemon refuses the message, and the connection stays usable', async () => {
    const { fake, engine } = await daemon({ fault: 'refuse-speak' })
    await expect(engine.speak('Hello.', { signal: signal() })).rejects.toThrow(/refused SPEAK: 401/)
    delete fake.script.fault
    await engine.speak('Hello again.', { signal: signal() })
    expect(fake.connections()).toBe(1)
  })

  it('fails clearly when the connection drops mid-sentence, and reconnects for the next', async () => {
    const { fake, engine } = await daemon({ fault: 'drop-after-begin' })
    await expect(engine.speak('Hello.', { signal: signal() })).rejects.toThrow(
      /connection to speech-dispatcher was lost/
    )
    delete fake.script.fault
    await engine.speak('Hello again.', { signal: signal() })
    expect(fake.connections()).toBe(2)
  })

  it('when the daemon goes away, check and speak say it is not running', async () => {
    const { fake, engine } = await daemon()
    await engine.speak('Hello.', { signal: signal() })
    await fake.vanish()
    const err = await engine.speak('Anyone there?', { signal: signal() }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TtsError)
    expect((err as TtsError).message).toMatch(/speech-dispatcher is not running \(nothing listens at .*speechd\.sock\)/)
    expect(await engine.check()).toMatch(/speech-dispatcher is not running .*apt-get install speech-dispatcher/)
  })

  it('when the daemon goes away mid-answer, the queue says so once and its fallback speaks the rest', async () => {
    const { fake, engine } = await daemon()
    const spoken: string[] = []
    const fallback: TtsEngine = {
      name: 'festival',
      check: async () => null,
      speak: async (text) => void spoken.push(text)
    }
    const queue = new SpeechQueue({ engine, fallback })
    const errors: string[] = []
    queue.onError((m) => errors.push(m))
    queue.enqueue({ turnId: 't', index: 0, text: 'First.' })
    await queue.idle()
    await fake.vanish()
    queue.enqueue({ turnId: 't', index: 1, text: 'Second.' })
    queue.enqueue({ turnId: 't', index: 2, text: 'Third.' })
    await queue.idle()
    expect(fake.messages).toEqual(['First.'])
    expect(spoken).toEqual(['Second.', 'Third.'])
    expect(errors).toEqual([expect.stringMatching(/spd-say could not speak \(speech-dispatcher is not running/)])
  })
})
