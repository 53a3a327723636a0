import { describe, expect, it, vi } from 'vitest'
import { PushToTalk } from '../../../../src/main/engine/voice/push-to-talk'
import { MicrophoneError } from '../../../../src/main/engine/voice/microphone-error'
import { TranscriptionError } from '../../../../src/main/engine/voice/transcriber'
import type { VoiceState } from '../../../../src/shared/voice-state'
import type { VoiceTimings } from '../../../../src/main/engine/voice/voice-timings'
import { chunks, silence, tone } from './pcm-fixtures'
import { voiceHarness, type Harness } from './fake-voice-deps'

function setup(h: Harness = voiceHarness()) {
  const ptt = new PushToTalk(h.deps)
  const states: VoiceState[] = []
  ptt.onStatus((s) => {
    if (states.at(-1) !== s.state) states.push(s.state)
  })
  const until = (state: VoiceState) => vi.waitFor(() => expect(ptt.status.state).toBe(state), { timeout: 3000 })
  return { h, ptt, states, until }
}

const question = () => Buffer.concat([silence(300), tone(900), silence(700)])

describe('PushToTalk', () => {
  it('listens, stops on trailing silence, transcribes, asks, speaks and goes idle', async () => {
    const { h, ptt, states, until } = setup()
    const timings: VoiceTimings[] = []
    const transcripts: string[] = []
    ptt.onTimings((t) => timings.push(t))
    ptt.onTranscript((t) => transcripts.push(t.text))

    ptt.toggle()
    expect(ptt.status.state).toBe('listening')
    expect(h.interrupts).toBe(1) // pressing the hotkey always silences what was playing
    h.captures[0]!.push(...chunks(question()))
    expect(h.captures[0]!.stopped).toBe(true)

    await until('thinking')
    expect(h.asked[0]!.prompt).toBe('what is the capital of france')
    expect(transcripts).toEqual(['what is the capital of france'])
    const wav = h.transcribed[0]!.wav
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44)
    // trimmed to the speech plus padding: ~0.9 s of voice, not the 1.9 s recorded
    expect((wav.length - 44) / 32).toBeGreaterThan(900)
    expect((wav.length - 44) / 32).toBeLessThan(1600)

    h.speak({ turnId: 't1', index: 0, state: 'started' })
    expect(ptt.status.state).toBe('speaking')
    h.asked[0]!.finish()
    h.speak({ turnId: 't1', index: 0, state: 'finished' })
    await until('idle')
    expect(states).toEqual(['listening', 'transcribing', 'thinking', 'speaking', 'idle'])
    expect(h.chimes).toEqual(['start', 'stop'])
    expect(timings).toHaveLength(1)
    expect(timings[0]).toMatchObject({ reason: 'silence', silenceWaitMs: 500 })
    expect(timings[0]!.totalMs).toBeGreaterThanOrEqual(0)
  })

  it('ends listening when the hotkey is pressed again', async () => {
    const { h, ptt, until } = setup()
    ptt.toggle()
    h.captures[0]!.push(...chunks(Buffer.concat([silence(300), tone(800)])))
    expect(ptt.status.state).toBe('listening')
    ptt.toggle()
    expect(h.captures[0]!.stopped).toBe(true)
    await until('thinking')
    expect(h.asked).toHaveLength(1)
  })

  it('stays "speaking" between utterances and only idles when the voice is done', async () => {
    const { h, ptt, until } = setup()
    ptt.toggle()
    h.captures[0]!.push(...chunks(question()))
    await until('thinking')
    h.queue({ turnId: 't1', index: 0 })
    h.queue({ turnId: 't1', index: 1 })
    h.speak({ turnId: 't1', index: 0, state: 'started' })
    h.asked[0]!.finish()
    h.speak({ turnId: 't1', index: 0, state: 'finished' })
    await new Promise((r) => setTimeout(r, 60)) // the next sentence is still being synthesised
    expect(ptt.status.state).toBe('speaking')
    h.speak({ turnId: 't1', index: 1, state: 'started' })
    h.speak({ turnId: 't1', index: 1, state: 'finished' })
    await until('idle')
  })

  it('keeps thinking until a slow first sentence sounds, though the answer has finished streaming', async () => {
    const { h, ptt, states, until } = setup()
    ptt.toggle()
    h.captures[0]!.push(...chunks(question()))
    await until('thinking')
    h.queue({ turnId: 't1', index: 0 })
    h.asked[0]!.finish()
    await new Promise((r) => setTimeout(r, 60)) // synthesis is slow
    expect(ptt.status.state).toBe('thinking')
    h.speak({ turnId: 't1', index: 0, state: 'started' })
    expect(ptt.status.state).toBe('speaking')
    h.speak({ turnId: 't1', index: 0, state: 'finished' })
    await until('idle')
    expect(states.slice(-3)).toEqual(['thinking', 'speaking', 'idle'])
  })

  it('barge-in while speaking interrupts the answer and listens again', async () => {
    const { h, ptt, until } = setup()
    ptt.toggle()
    h.captures[0]!.push(...chunks(question()))
    await until('thinking')
    h.speak({ turnId: 't1', index: 0, state: 'started' })
    expect(ptt.status.state).toBe('speaking')

    ptt.toggle()
    expect(h.interrupts).toBe(2)
    expect(ptt.status.state).toBe('listening')
    expect(h.captures).toHaveLength(2)
    // the interrupted turn winding down must not pull the state away from listening
    h.speak({ turnId: 't1', index: 0, state: 'cancelled' })
    h.asked[0]!.finish()
    await new Promise((r) => setTimeout(r, 60))
    expect(ptt.status.state).toBe('listening')
  })

  it('barge-in while transcribing abandons that transcription', async () => {
    const h = voiceHarness()
    h.transcript.delayMs = 10_000
    const { ptt, until } = setup(h)
    ptt.toggle()
    h.captures[0]!.push(...chunks(question()))
    await until('transcribing')
    await vi.waitFor(() => expect(h.transcribed).toHaveLength(1))
    ptt.toggle()
    expect(h.transcribed[0]!.signal.aborted).toBe(true)
    expect(ptt.status.state).toBe('listening')
    await new Promise((r) => setTimeout(r, 30))
    expect(h.asked).toHaveLength(0)
    expect(h.notices).toEqual([])
  })

  it('sends nothing for a silent recording and says so gently', async () => {
    const { h, ptt, until } = setup()
    ptt.toggle()
    h.captures[0]!.push(...chunks(silence(800)))
    ptt.toggle()
    await until('idle')
    expect(h.transcribed).toHaveLength(0)
    expect(h.notices).toEqual([{ level: 'info', message: expect.stringMatching(/too short|Heard nothing/) }])
    expect(ptt.status.message).toBeTruthy()
  })

  it('sends nothing for a very short sound', async () => {
    const { h, ptt, until } = setup()
    ptt.toggle()
    h.captures[0]!.push(...chunks(Buffer.concat([silence(300), tone(150), silence(100)])))
    ptt.toggle()
    await until('idle')
    expect(h.transcribed).toHaveLength(0)
    expect(h.notices[0]!.level).toBe('info')
  })

  it('gives up after nobody speaks for a while', async () => {
    const { h, ptt, until } = setup(voiceHarness({ silenceMs: 500, maxSeconds: 4 }))
    ptt.toggle()
    h.captures[0]!.push(...chunks(silence(4100)))
    await until('idle')
    expect(h.captures[0]!.stopped).toBe(true)
    expect(h.notices[0]!.message).toMatch(/Heard nothing/)
  })

  it('caps listening at the maximum duration', async () => {
    const { h, ptt, until } = setup(voiceHarness({ maxSeconds: 1 }))
    ptt.toggle()
    h.captures[0]!.push(...chunks(Buffer.concat([silence(250), tone(400)])))
    expect(ptt.status.state).toBe('listening') // still talking, no silence yet
    await until('thinking')
    expect(h.captures[0]!.stopped).toBe(true)
  })

  it('reports a missing recorder and stays usable', () => {
    const h = voiceHarness()
    h.startError = new MicrophoneError('missing-recorder', 'Install the "alsa-utils" package')
    const { ptt, states } = setup(h)
    ptt.toggle()
    expect(ptt.status.state).toBe('idle')
    expect(states).toEqual(['idle'])
    expect(h.notices).toEqual([{ level: 'error', message: 'Install the "alsa-utils" package' }])
    h.startError = null
    ptt.toggle()
    expect(ptt.status.state).toBe('listening')
  })

  it('reports a microphone that fails while listening', async () => {
    const { h, ptt, until } = setup()
    ptt.toggle()
    h.captures[0]!.fail(new MicrophoneError('no-device', 'No microphone found.'))
    await until('idle')
    expect(h.notices).toEqual([{ level: 'error', message: 'No microphone found.' }])
  })

  it('reports a transcription failure and an empty transcript', async () => {
    const h = voiceHarness()
    h.transcript.text = new TranscriptionError('auth', 'Speech-to-text refused the API key.')
    const { ptt, until } = setup(h)
    ptt.toggle()
    h.captures[0]!.push(...chunks(question()))
    await until('idle')
    expect(h.notices.at(-1)).toEqual({ level: 'error', message: 'Speech-to-text refused the API key.' })

    h.transcript.text = '   '
    ptt.toggle()
    h.captures[1]!.push(...chunks(question()))
    await vi.waitFor(() => expect(h.notices).toHaveLength(2))
    expect(h.notices[1]!.level).toBe('info')
    expect(h.asked).toHaveLength(0)
  })

  it('plays no chimes when they are turned off, and publishes a live level', async () => {
    const { h, ptt } = setup(voiceHarness({ chimes: false }))
    const levels: number[] = []
    ptt.onStatus((s) => s.state === 'listening' && levels.push(s.level))
    ptt.toggle()
    h.captures[0]!.push(...chunks(silence(300), 640))
    await new Promise((r) => setTimeout(r, 80)) // the meter updates at most ~15 times a second
    h.captures[0]!.push(...chunks(tone(200, 0.5), 640))
    ptt.toggle()
    expect(h.chimes).toEqual([])
    expect(Math.max(...levels)).toBeGreaterThan(0.5)
  })

  it('cancel drops everything and goes idle', async () => {
    const { h, ptt } = setup()
    ptt.toggle()
    ptt.cancel()
    expect(ptt.status.state).toBe('idle')
    expect(h.captures[0]!.stopped).toBe(true)
    await new Promise((r) => setTimeout(r, 20))
    expect(ptt.status.state).toBe('idle')
  })
})
