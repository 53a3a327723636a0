import { describe, expect, it, vi } from 'vitest'
import { VoiceHub } from '../../../../src/main/app/voice/voice-hub'

function hub() {
  let hear: (turns: string[]) => void = () => {}
  const voice = new VoiceHub({
    onBusy: (listener) => {
      hear = listener
      return () => {}
    }
  })
  return { voice, busy: (...turns: string[]) => hear(turns) }
}

describe('the voice hub', () => {
  it('passes every push-to-talk status on, but tells activity only when listening or speaking (the voice being busy) flips', () => {
    const { voice, busy } = hub()
    const statuses = vi.fn()
    const activity = vi.fn()
    voice.onStatus(statuses)
    voice.onActivity(activity)
    voice.publish({ state: 'listening', level: 0.1 })
    voice.publish({ state: 'listening', level: 0.5 })
    expect(statuses).toHaveBeenCalledTimes(2)
    expect(activity).toHaveBeenCalledTimes(1)
    expect(voice.listening).toBe(true)

    busy('t1')
    expect(voice.speaking).toBe(true)
    expect(activity).toHaveBeenCalledTimes(2)
    busy('t1', 't2')
    expect(activity).toHaveBeenCalledTimes(2)
    busy()
    expect(voice.speaking).toBe(false)
    expect(activity).toHaveBeenCalledTimes(3)
  })

  it('toggles push-to-talk once attached, and says when it is not there', () => {
    const { voice } = hub()
    expect(voice.toggle()).toBe(false)
    const toggle = vi.fn()
    voice.attach({ toggle, talk: vi.fn(), endTalk: vi.fn() })
    expect(voice.toggle()).toBe(true)
    expect(toggle).toHaveBeenCalledOnce()
  })
})
