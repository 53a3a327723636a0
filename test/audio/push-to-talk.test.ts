import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startFakeLlm, type FakeLlm } from '../fake-llm'
import { installTranscriptions, type FakeStt } from '../fake-llm/transcriptions'
import { PushToTalk, type VoiceOptions } from '../../src/main/engine/voice/push-to-talk'
import { startCapture } from '../../src/main/engine/voice/microphone'
import { createTranscriber } from '../../src/main/engine/voice/transcriber'
import { createChimePlayer } from '../../src/main/engine/voice/chime-player'
import type { VoiceTimings } from '../../src/main/engine/voice/voice-timings'
import type { VoiceState } from '../../src/shared/voice-state'
import { renderSpeech, requirePulse, speakIntoMic } from '../support/virtual-mic'

/**
 * Real audio: festival's voice is played into PulseAudio's null sink, arecord
 * records its monitor, and the fake server transcribes the upload with
 * pocketsphinx, so the question asked is whatever the microphone heard.
 */

let fake: FakeLlm
let stt: FakeStt
const chimeDir = join(__dirname, '../../resources/chimes')

beforeAll(async () => {
  requirePulse()
  fake = await startFakeLlm()
  stt = installTranscriptions(fake)
})
afterAll(() => fake?.close())

function pushToTalk(options: Partial<VoiceOptions> = {}) {
  const asked: string[] = []
  const notices: string[] = []
  const timings: VoiceTimings[] = []
  const chimes = createChimePlayer()
  const ptt = new PushToTalk({
    settings: () => ({ silenceMs: 900, maxSeconds: 20, chimes: true, endOfTurn: 'smart', ...options }),
    startCapture: (onChunk) => startCapture({ recorder: 'arecord' }, onChunk),
    transcribe: createTranscriber({ baseUrl: fake.url, apiKey: '', model: 'whisper-1', language: 'en' }),
    ask: (prompt) => {
      asked.push(prompt)
      return { turnId: `t${asked.length}`, conversationId: 'c', done: Promise.resolve({}) }
    },
    interrupt: () => {},
    onSpeech: () => () => {},
    voiceIdle: () => Promise.resolve(),
    chime: (which) => chimes.play(join(chimeDir, `${which}.wav`)),
    notify: (_level, message) => notices.push(message)
  })
  ptt.onTimings((t) => timings.push(t))
  const states: VoiceState[] = []
  ptt.onStatus((s) => states.at(-1) !== s.state && states.push(s.state))
  const until = (state: VoiceState, timeout = 30_000) =>
    vi.waitFor(() => expect(ptt.status.state).toBe(state), { timeout, interval: 20 })
  /** listening, and the recorder is delivering audio (the meter has moved) */
  const recording = () =>
    vi
      .waitFor(() => expect(states.length).toBeGreaterThan(0), { timeout: 5000 })
      .then(() => new Promise((r) => setTimeout(r, 400)))
  return { ptt, asked, notices, timings, states, until, recording }
}

describe('push-to-talk with a real recorder', () => {
  it('records a spoken question, stops on the trailing silence and asks what was said', async () => {
    const speech = renderSpeech('what is the capital of france')
    const { ptt, asked, timings, states, until, recording } = pushToTalk()
    const calls = stt.calls.length
    ptt.toggle()
    await recording()
    await speakIntoMic(speech.path)
    await until('idle')

    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/capital of france/)
    expect(states).toEqual(['listening', 'transcribing', 'thinking', 'idle'])
    expect(timings[0]!.reason).toBe('silence')
    expect(timings[0]!.speculative).toBe(true) // the guess sent at the pause was the transcript
    const upload = stt.calls[calls]!
    expect(upload.wav.ok).toBe(true)
    expect(upload.wav).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 })
    // trimmed to the speech with a little padding; the null sink adds some latency
    expect(upload.wav.durationMs).toBeGreaterThan(speech.durationMs - 400)
    expect(upload.wav.durationMs).toBeLessThan(speech.durationMs + 1500)
    expect(upload.wav.rms).toBeGreaterThan(0.02)
  })

  it('ends listening when the hotkey is pressed again', async () => {
    const speech = renderSpeech('what time is it')
    const { ptt, asked, timings, until, recording } = pushToTalk({ silenceMs: 8000 })
    ptt.toggle()
    await recording()
    await speakIntoMic(speech.path)
    await new Promise((r) => setTimeout(r, 400))
    expect(ptt.status.state).toBe('listening')
    ptt.toggle()
    await until('idle')
    expect(timings[0]!.reason).toBe('key')
    expect(asked[0]).toMatch(/time/)
  })

  it('sends nothing when nobody speaks', async () => {
    const { ptt, asked, notices, until, recording } = pushToTalk({ silenceMs: 500 })
    const calls = stt.calls.length
    ptt.toggle()
    await recording()
    await until('idle', 15_000)
    expect(stt.calls.length).toBe(calls)
    expect(asked).toEqual([])
    expect(notices[0]).toMatch(/Heard nothing/)
  })
})
