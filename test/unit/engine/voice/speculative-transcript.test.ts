import { describe, expect, it, vi } from 'vitest'
import { PushToTalk } from '../../../../src/main/engine/voice/push-to-talk'
import { TranscriptionError } from '../../../../src/main/engine/voice/transcriber'
import type { VoiceTimings } from '../../../../src/main/engine/voice/voice-timings'
import { chunks, silence, tone } from './pcm-fixtures'
import { voiceHarness, type Harness } from './fake-voice-deps'

/**
 * Scripted pauses: the fake microphone is fed audio in steps, and the fake
 * speech-to-text answers each guess, so where the turn ends is counted in
 * audio time, not wall-clock time.
 */

const QUESTION = 'What is the capital of France?'

function setup(options: Parameters<typeof voiceHarness>[0] = {}) {
  const h = voiceHarness({ silenceMs: 800, ...options })
  h.transcript = { text: QUESTION, delayMs: 1 }
  const ptt = new PushToTalk(h.deps)
  const timings: VoiceTimings[] = []
  ptt.onTimings((t) => timings.push(t))
  ptt.toggle()
  const mic = h.captures[0]!
  return { h, ptt, mic, timings }
}

/** lets the guess in flight come back */
const settle = () => new Promise((r) => setTimeout(r, 15))

/** feeds silence 20 ms at a time until listening ends; the trailing silence it took */
async function silenceUntilEnd(h: Harness, alreadyMs: number, limitMs = 5000): Promise<number> {
  const mic = h.captures.at(-1)!
  let ms = alreadyMs
  while (!mic.stopped && ms < limitMs) {
    mic.push(silence(20))
    ms += 20
    await settle()
  }
  return ms
}

async function speakThenPause(h: Harness, speechMs: number, pauseMs = 240): Promise<void> {
  h.captures.at(-1)!.push(...chunks(Buffer.concat([silence(300), tone(speechMs), silence(pauseMs)])))
  await settle()
}

describe('speculative transcription', () => {
  it('transcribes at a pause and asks with that transcript, without a second request', async () => {
    const { h, ptt, timings } = setup()
    await speakThenPause(h, 900)
    expect(h.transcribed).toHaveLength(1) // sent while still listening
    expect(ptt.status.state).toBe('listening')
    await silenceUntilEnd(h, 240)
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.asked[0]!.prompt).toBe(QUESTION)
    expect(h.transcribed).toHaveLength(1)
    expect(timings).toHaveLength(0) // reported once the answer speaks
    h.speak({ turnId: 't1', index: 0, state: 'started' })
    expect(timings[0]).toMatchObject({ reason: 'silence', speculative: true })
  })

  it('aborts the guess when the speaker carries on, and keeps at most one in flight', async () => {
    const { h } = setup()
    h.transcript = { text: 'What is', delayMs: 10_000 }
    await speakThenPause(h, 500)
    expect(h.transcribed).toHaveLength(1)
    h.captures[0]!.push(...chunks(tone(600)))
    expect(h.transcribed[0]!.signal.aborted).toBe(true)
    h.transcript = { text: QUESTION, delayMs: 1 }
    h.captures[0]!.push(...chunks(silence(240)))
    expect(h.transcribed).toHaveLength(2)
    expect(h.transcribed.filter((t) => !t.signal.aborted)).toHaveLength(1)
    await silenceUntilEnd(h, 240)
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.asked[0]!.prompt).toBe(QUESTION)
    expect(h.transcribed).toHaveLength(2)
  })

  it('does not send a new guess for the same pause while the audio has not changed', async () => {
    const { h } = setup()
    h.transcript = { text: 'and then', delayMs: 1 }
    await speakThenPause(h, 500)
    await silenceUntilEnd(h, 240, 1000)
    expect(h.transcribed).toHaveLength(1)
  })

  it('retries with the whole recording when the guess failed', async () => {
    const { h } = setup()
    h.transcript = { text: new TranscriptionError('network', 'Could not reach speech-to-text.'), delayMs: 1 }
    await speakThenPause(h, 900)
    h.transcript = { text: QUESTION, delayMs: 1 }
    await silenceUntilEnd(h, 240)
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.transcribed).toHaveLength(2)
    expect(h.notices).toEqual([])
  })

  it('reuses the guess when the hotkey ends listening after a pause', async () => {
    const { h, ptt } = setup()
    await speakThenPause(h, 900, 300)
    ptt.toggle()
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.transcribed).toHaveLength(1)
  })

  it('transcribes afresh when the hotkey ends listening mid-word', async () => {
    const { h, ptt } = setup()
    await speakThenPause(h, 600)
    h.captures[0]!.push(...chunks(tone(400)))
    ptt.toggle()
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.transcribed).toHaveLength(2)
    expect((h.transcribed[1]!.wav.length - 44) / 32).toBeGreaterThan(1000) // the words after the pause too
  })

  it('sends nothing for a cough followed by a pause', async () => {
    const { h, ptt } = setup()
    h.captures[0]!.push(...chunks(Buffer.concat([silence(300), tone(160), silence(400)])))
    await settle()
    expect(h.transcribed).toHaveLength(0)
    ptt.cancel()
  })

  it('warms the connections when the hotkey is pressed and at each pause', async () => {
    const { h, ptt: other } = setup()
    other.cancel()
    let warmed = 0
    h.deps.warm = () => warmed++
    const ptt = new PushToTalk(h.deps)
    ptt.toggle()
    expect(warmed).toBe(1)
    await speakThenPause(h, 500)
    expect(warmed).toBe(2)
    h.captures.at(-1)!.push(...chunks(Buffer.concat([tone(500), silence(240)])))
    expect(warmed).toBe(3)
    ptt.cancel()
  })

  it('sends nothing at pauses with the fixed policy', async () => {
    const { h } = setup({ endOfTurn: 'fixed' })
    await speakThenPause(h, 900)
    expect(h.transcribed).toHaveLength(0)
    expect(await silenceUntilEnd(h, 240)).toBe(800)
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.transcribed).toHaveLength(1)
  })
})

describe('end of turn with scripted pauses (800 ms configured)', () => {
  it('ends 400 ms into the pause after a finished question', async () => {
    const { h, ptt, timings } = setup()
    await speakThenPause(h, 900)
    expect(await silenceUntilEnd(h, 240)).toBe(400)
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    h.speak({ turnId: 't1', index: 0, state: 'started' })
    expect(ptt.status.state).toBe('speaking')
    expect(timings[0]!.silenceWaitMs).toBe(400)
  })

  it('ends as soon as the guess comes back when the pause is already long enough', async () => {
    const { h } = setup()
    h.transcript = { text: QUESTION, delayMs: 60 }
    await speakThenPause(h, 900, 500)
    expect(h.captures[0]!.stopped).toBe(false)
    await vi.waitFor(() => expect(h.captures[0]!.stopped).toBe(true), { timeout: 1000 })
  })

  it('waits twice as long when the words trail off, letting the speaker finish the thought', async () => {
    const { h } = setup()
    h.transcript = { text: 'Find me a recipe and then', delayMs: 1 }
    await speakThenPause(h, 900)
    expect(await silenceUntilEnd(h, 240, 1200)).toBe(1200)
    expect(h.captures[0]!.stopped).toBe(false) // a fixed 800 ms would have cut them off
    h.transcript = { text: 'Find me a recipe and then a wine to go with it.', delayMs: 1 }
    h.captures[0]!.push(...chunks(Buffer.concat([tone(700), silence(240)])))
    await settle()
    expect(await silenceUntilEnd(h, 240)).toBe(400)
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.asked[0]!.prompt).toMatch(/wine/)
  })

  it('waits the configured silence when the transcript is not back yet, or unsure', async () => {
    const slow = setup()
    slow.h.transcript = { text: QUESTION, delayMs: 10_000 }
    await speakThenPause(slow.h, 900)
    expect(await silenceUntilEnd(slow.h, 240)).toBe(800)
    slow.ptt.cancel()

    const unsure = setup()
    unsure.h.transcript = { text: 'Paris', delayMs: 1 }
    await speakThenPause(unsure.h, 900)
    expect(await silenceUntilEnd(unsure.h, 240)).toBe(800)
  })

  it('follows a longer configured silence', async () => {
    const { h } = setup({ silenceMs: 2000 })
    await speakThenPause(h, 900)
    expect(await silenceUntilEnd(h, 240)).toBe(1000)
  })
})

describe('speculative transcription over a long turn', () => {
  /** ms of audio in the uploads (16 kHz mono s16le behind a 44-byte header) */
  const sentMs = (h: Harness) => h.transcribed.reduce((ms, t) => ms + (t.wav.length - 44) / 32, 0)

  /** a monologue: `phrases` stretches of speech, each followed by a pause long enough for a guess */
  async function monologue(phrases: number, phraseMs = 600): Promise<{ h: Harness; recordedMs: number }> {
    const { h } = setup({ maxSeconds: 300 })
    h.transcript = { text: 'and then', delayMs: 1 } // trails off: no pause ends the turn early
    const mic = h.captures[0]!
    mic.push(...chunks(silence(300)))
    for (let i = 0; i < phrases; i++) {
      mic.push(...chunks(Buffer.concat([tone(phraseMs), silence(240)])))
      await settle()
    }
    const recordedMs = 300 + phrases * (phraseMs + 240) + (await silenceUntilEnd(h, 240)) - 240
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    return { h, recordedMs }
  }

  it.each([20, 40, 80])(
    'sends at most four times the audio it records, over %i pauses (the whole recording at every pause would grow quadratically)',
    async (phrases) => {
      const { h, recordedMs } = await monologue(phrases)
      expect(sentMs(h)).toBeGreaterThanOrEqual(recordedMs - 600) // the final transcript covers the whole turn
      expect(sentMs(h)).toBeLessThanOrEqual(4 * recordedMs)
    }
  )

  it('sends at most eight guesses in a turn, however short and many its phrases', async () => {
    const { h } = await monologue(60, 300)
    expect(h.transcribed.length).toBeLessThanOrEqual(8 + 1) // and the final transcription
  })

  it('guesses at every pause of a question asked in a few breaths, and ends 400 ms after it is complete', async () => {
    const { h, timings } = setup()
    h.transcript = { text: 'What is the capital', delayMs: 1 }
    const mic = h.captures[0]!
    mic.push(...chunks(Buffer.concat([silence(300), tone(700), silence(240)])))
    await settle()
    h.transcript = { text: 'What is the capital of', delayMs: 1 }
    mic.push(...chunks(Buffer.concat([tone(500), silence(240)])))
    await settle()
    h.transcript = { text: QUESTION, delayMs: 1 }
    mic.push(...chunks(Buffer.concat([tone(600), silence(240)])))
    await settle()
    expect(h.transcribed).toHaveLength(3)
    expect(await silenceUntilEnd(h, 240)).toBe(400)
    await vi.waitFor(() => expect(h.asked).toHaveLength(1))
    expect(h.asked[0]!.prompt).toBe(QUESTION)
    expect(h.transcribed).toHaveLength(3)
    h.speak({ turnId: 't1', index: 0, state: 'started' })
    expect(timings[0]).toMatchObject({ speculative: true, silenceWaitMs: 400 })
  })

  it('does not send the recording again for a click in the pause', async () => {
    const { h } = setup()
    h.transcript = { text: 'and then', delayMs: 1 }
    await speakThenPause(h, 900)
    h.captures[0]!.push(...chunks(Buffer.concat([tone(40), silence(240)])))
    await settle()
    expect(h.transcribed).toHaveLength(1)
  })
})
