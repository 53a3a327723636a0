import { describe, expect, it, vi } from 'vitest'
import { PushToTalk } from '../../../../src/main/engine/voice/push-to-talk'
import { TalkMode } from '../../../../src/main/engine/voice/talk-mode'
import { TranscriptionError } from '../../../../src/main/engine/voice/transcriber'
import type { VoiceState, VoiceStatus } from '../../../../src/shared/voice-state'
import { chunks, silence, tone } from './pcm-fixtures'
import { voiceHarness, type Harness } from './fake-voice-deps'

const question = () => Buffer.concat([silence(300), tone(900), silence(700)])

function setup(h: Harness = voiceHarness()) {
  const ptt = new PushToTalk(h.deps)
  const talk = new TalkMode(ptt)
  const told: VoiceStatus[] = []
  talk.onStatus((s) => told.push(s))
  const until = (state: VoiceState) => vi.waitFor(() => expect(ptt.status.state).toBe(state), { timeout: 3000 })
  /** one exchange: the user asks, Hark answers one sentence aloud, the stream ends */
  const exchange = async (n: number): Promise<void> => {
    h.captures[n]!.push(...chunks(question()))
    await until('thinking')
    const turnId = h.asked[n]!.turn.turnId
    h.queue({ turnId, index: 0 })
    h.speak({ turnId, index: 0, state: 'started' })
    h.asked[n]!.finish()
    await until('speaking')
    h.speak({ turnId, index: 0, state: 'finished' })
  }
  return { h, ptt, talk, told, until, exchange }
}

describe('Talk mode', () => {
  it('listens again once each answer has been spoken, with a chime each turn, until it is ended', async () => {
    const { h, ptt, talk, told, until, exchange } = setup()
    talk.press()
    expect(talk.active).toBe(true)
    expect(ptt.status.state).toBe('listening')
    for (let n = 0; n < 3; n++) {
      await exchange(n)
      await vi.waitFor(() => expect(h.captures).toHaveLength(n + 2))
      expect(ptt.status.state).toBe('listening')
    }
    expect(h.asked.map((a) => a.prompt)).toHaveLength(3)
    expect(h.chimes.filter((c) => c === 'start')).toHaveLength(4)
    expect(told.every((s) => s.talk === true)).toBe(true)

    talk.press() // while listening: the button ends the mode
    expect(talk.active).toBe(false)
    expect(ptt.status.state).toBe('idle')
    expect(told.at(-1)).toEqual({ state: 'idle', level: 0 })
    await until('idle')
    expect(h.captures.at(-1)!.stopped).toBe(true)
  })

  it('never listens while the answer is still being spoken', async () => {
    const { h, ptt, talk, until } = setup()
    talk.press()
    h.captures[0]!.push(...chunks(question()))
    await until('thinking')
    const turnId = h.asked[0]!.turn.turnId
    h.queue({ turnId, index: 0 })
    h.queue({ turnId, index: 1 })
    h.asked[0]!.finish()
    h.speak({ turnId, index: 0, state: 'started' })
    h.speak({ turnId, index: 0, state: 'finished' })
    await new Promise((r) => setTimeout(r, 50)) // the second sentence is being synthesised
    expect(h.captures).toHaveLength(1)
    h.speak({ turnId, index: 1, state: 'started' })
    h.speak({ turnId, index: 1, state: 'finished' })
    await vi.waitFor(() => expect(h.captures).toHaveLength(2))
    expect(ptt.status.state).toBe('listening')
  })

  it('barge-in: pressing while Hark speaks silences it and listens at once, staying in Talk mode', async () => {
    const { h, ptt, talk, until } = setup()
    talk.press()
    h.captures[0]!.push(...chunks(question()))
    await until('thinking')
    h.speak({ turnId: 't1', index: 0, state: 'started' })
    expect(ptt.status.state).toBe('speaking')
    const interrupts = h.interrupts
    talk.press()
    expect(h.interrupts).toBe(interrupts + 1)
    expect(ptt.status.state).toBe('listening')
    expect(talk.active).toBe(true)
    expect(h.captures).toHaveLength(2)
  })

  it('a failed transcription ends the mode with one message, and it does not listen again', async () => {
    const h = voiceHarness()
    h.transcript.text = new TranscriptionError('server', 'Speech-to-text failed (500).')
    const { ptt, talk, told, until } = setup(h)
    talk.press()
    h.captures[0]!.push(...chunks(question()))
    await until('idle')
    await new Promise((r) => setTimeout(r, 50))
    expect(talk.active).toBe(false)
    expect(h.captures).toHaveLength(1)
    expect(h.notices).toHaveLength(1)
    expect(h.notices[0]!.message).toContain('Speech-to-text failed')
    expect(told.at(-1)).toMatchObject({ state: 'idle', message: expect.stringContaining('failed') })
    expect(told.at(-1)!.talk).toBeUndefined()
    expect(ptt.status.state).toBe('idle')
  })

  it('a dropped stream ends the mode with its reason', async () => {
    const { h, talk, until } = setup()
    talk.press()
    h.captures[0]!.push(...chunks(question()))
    await until('thinking')
    h.asked[0]!.finish({ failed: 'The connection to the model dropped.' })
    await until('idle')
    expect(talk.active).toBe(false)
    expect(h.notices.map((n) => n.message)).toEqual(['The connection to the model dropped.'])
  })

  it('no speech for the set time ends the mode', async () => {
    const h = voiceHarness({ noSpeechMs: 400 })
    const { talk, until } = setup(h)
    talk.press()
    h.captures[0]!.push(...chunks(silence(600)))
    await until('idle')
    expect(talk.active).toBe(false)
    expect(h.notices).toHaveLength(1)
    expect(h.captures).toHaveLength(1)
  })

  it('end() (Esc) while Hark thinks stops the answer and leaves the mode', async () => {
    const { h, ptt, talk, until } = setup()
    talk.press()
    h.captures[0]!.push(...chunks(question()))
    await until('thinking')
    const interrupts = h.interrupts
    talk.end()
    expect(h.interrupts).toBe(interrupts + 1)
    expect(talk.active).toBe(false)
    h.asked[0]!.finish()
    await new Promise((r) => setTimeout(r, 50))
    expect(ptt.status.state).toBe('idle')
    expect(h.captures).toHaveLength(1)
  })
})
