import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assert, describe, expect, it, vi } from 'vitest'
import type { VoiceStatus } from '@shared/voice-state'
import { defaultSettings } from '@shared/settings'
import { createMicTest } from '../../../../src/main/app/voice/mic-test'
import { VoiceHub } from '../../../../src/main/app/voice/voice-hub'
import { startCapture, type CaptureOptions } from '../../../../src/main/engine/voice/microphone'
import { FakeCapture } from '../../engine/voice/fake-voice-deps'
import { silence, tone } from '../../engine/voice/pcm-fixtures'

// microphone-access asks Electron's systemPreferences on macOS only; these tests pass `allowed` themselves.
vi.mock('electron', () => ({ systemPreferences: {} }))

/** Settings' microphone test: the saved recorder and device, the level through the one voice hub, a plain verdict. */

function setup(voiceInput: Partial<ReturnType<typeof defaultSettings>['voiceInput']> = {}) {
  const hub = new VoiceHub({ onBusy: () => () => {} })
  const seen: VoiceStatus[] = []
  hub.onStatus((s) => seen.push(s))
  const s = defaultSettings()
  const settings = { get: () => ({ ...s, voiceInput: { ...s.voiceInput, ...voiceInput } }) }
  const started: CaptureOptions[] = []
  let capture: FakeCapture | undefined
  const start = (opts: CaptureOptions, onChunk: (pcm: Buffer) => void): FakeCapture => {
    started.push(opts)
    capture = new FakeCapture(onChunk)
    return capture
  }
  const micTest = (sound: Buffer, ms = 60) =>
    createMicTest(
      { settings: settings as never, voice: hub },
      {
        allowed: async () => true,
        ms,
        start: (opts, onChunk) => {
          const c = start(opts, onChunk)
          setTimeout(() => c.push(sound), 5)
          return c
        }
      }
    )
  return { hub, seen, started, micTest, capture: () => capture }
}

describe('the microphone test', () => {
  it('records with the saved recorder and device, shows its level through the voice hub, and says it heard you', async () => {
    const { hub, seen, started, micTest } = setup({ recorder: 'sox', device: 'pulse' })
    const result = await micTest(tone(200, 0.3))()
    expect(started).toEqual([{ recorder: 'sox', device: 'pulse' }])
    expect(result).toMatchObject({ heard: true, message: expect.stringMatching(/heard you/) })
    expect(seen.some((s) => s.micTest && s.level > 0.5)).toBe(true)
    expect(seen.every((s) => s.state === 'idle')).toBe(true) // nothing listens for a question
    expect(hub.status).toEqual({ state: 'idle', level: 0 })
  })

  it('says plainly when nothing was heard', async () => {
    const { micTest } = setup()
    const result = await micTest(silence(200))()
    expect(result.heard).toBe(false)
    expect(result.message).toMatch(/Nothing was heard/)
  })

  it('says which recorder is missing and how to install it', async () => {
    const { hub } = setup()
    const nowhere = mkdtempSync(join(tmpdir(), 'hark-no-recorder-'))
    const s = defaultSettings()
    const result = await createMicTest(
      { settings: { get: () => s } as never, voice: hub },
      { allowed: async () => true, ms: 50, start: (o, c) => startCapture({ ...o, env: { PATH: nowhere } }, c) }
    )()
    expect(result.heard).toBe(false)
    expect(result.message).toMatch(/needs the "arecord" program, which is not installed.*alsa-utils/)
    expect(hub.status.micTest).toBeUndefined()
  })

  it('says where to allow the microphone when the system refuses it, and records nothing', async () => {
    const { hub, started } = setup()
    const result = await createMicTest(
      { settings: { get: defaultSettings } as never, voice: hub },
      { allowed: async () => false, start: () => assert.fail('recorded without permission') }
    )()
    expect(result).toMatchObject({ heard: false, message: expect.stringMatching(/Privacy & Security → Microphone/) })
    expect(started).toHaveLength(0)
  })

  it('is refused while push-to-talk is listening, and records nothing', async () => {
    const { hub, started, micTest } = setup()
    hub.publish({ state: 'listening', level: 0.2 })
    await expect(micTest(tone(100))()).rejects.toThrow(/in use/)
    expect(started).toHaveLength(0)
  })

  it('gives way to push-to-talk: once it publishes, the test no longer writes the voice state', async () => {
    const { hub, micTest, capture } = setup()
    const running = micTest(silence(10), 80)()
    await new Promise((r) => setTimeout(r, 20))
    hub.publish({ state: 'listening', level: 0.1 })
    capture()!.push(tone(50, 0.3))
    await running
    expect(hub.status).toEqual({ state: 'listening', level: 0.1 })
  })
})
