import { describe, expect, it, vi } from 'vitest'
import { createSpeechControl } from '../../../../src/main/app/speech/create-speech-control'
import type { SpeechQueue } from '../../../../src/main/engine/speech/speech-queue'
import { defaultSettings } from '../../../../src/shared/settings'

describe('createSpeechControl', () => {
  it('rebuilds the engine only when the engine setting changes', () => {
    const s = defaultSettings().speech
    const control = createSpeechControl({ ...s, engine: 'none' }, () => {})
    const setOptions = vi.spyOn(control.sink as SpeechQueue, 'setOptions')
    control.apply({ ...s, engine: 'none' })
    expect(setOptions).not.toHaveBeenCalled()
    control.apply({ ...s, engine: 'none', rate: 1.5 })
    expect(setOptions).toHaveBeenLastCalledWith({ voice: undefined, rate: 1.5 })
    control.apply({ ...s, engine: 'espeak-ng', rate: 1.5 })
    expect(setOptions).toHaveBeenLastCalledWith({
      engine: expect.objectContaining({ name: 'espeak-ng' }),
      fallback: undefined,
      voice: undefined,
      rate: 1.5
    })
  })

  it('a provider voice comes with the system voice as its fallback', () => {
    const s = defaultSettings().speech
    const control = createSpeechControl({ ...s, engine: 'none' }, () => {})
    const setOptions = vi.spyOn(control.sink as SpeechQueue, 'setOptions')
    const provider = { ...s.provider, baseUrl: 'http://127.0.0.1:8880/v1' }
    control.apply({ ...s, engine: 'provider', provider })
    expect(setOptions).toHaveBeenLastCalledWith(
      expect.objectContaining({
        engine: expect.objectContaining({ name: 'provider' }),
        fallback: expect.objectContaining({ name: expect.any(String) })
      })
    )
  })
})
