import { describe, expect, it, vi } from 'vitest'
import { VoiceHub } from '../../../../src/main/app/voice/voice-hub'
import type { SpeechEvent } from '../../../../src/main/engine/speech/speech-types'

function hub() {
  let hear: (e: SpeechEvent) => void = () => {}
  const voice = new VoiceHub({
    onEvent: (listener) => {
      hear = listener
      return () => {}
    }
  })
  return { voice, speech: (e: SpeechEvent) => hear(e) }
}

describe('the voice hub', () => {
  it('passes every push-to-talk status on, but tells activity only when listening or speaking flips', () => {
    const { voice, speech } = hub()
    const statuses = vi.fn()
    const activity = vi.fn()
    voice.onStatus(statuses)
    voice.onActivity(activity)
    voice.publish({ state: 'listening', level: 0.1 })
    voice.publish({ state: 'listening', level: 0.5 })
    expect(statuses).toHaveBeenCalledTimes(2)
    expect(activity).toHaveBeenCalledTimes(1)
    expect(voice.listening).toBe(true)

    speech({ turnId: 't', index: 0, state: 'started' })
    expect(voice.speaking).toBe(true)
    expect(activity).toHaveBeenCalledTimes(2)
    voice.silence()
    expect(voice.speaking).toBe(false)
    expect(activity).toHaveBeenCalledTimes(3)
  })

  it('toggles push-to-talk once attached, and says when it is not there', () => {
    const { voice } = hub()
    expect(voice.toggle()).toBe(false)
    const toggle = vi.fn()
    voice.attach({ toggle })
    expect(voice.toggle()).toBe(true)
    expect(toggle).toHaveBeenCalledOnce()
  })
})
