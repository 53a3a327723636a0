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
    expect(setOptions).toHaveBeenLastCalledWith({ engine: 'espeak-ng', voice: undefined, rate: 1.5 })
  })
})
